/// Concord's version, shown by `concord --version` and written into the files it creates.
public enum ConcordVersion {
    public static let string = "0.1.0"
}
