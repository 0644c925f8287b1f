import ConcordModel
import Foundation

/// When a release was published, as far as its file name tells (`2019-04-24-astana.en.txt`,
/// `20190424_astana.ru.html`): what aligned units carry as their creation date, so that a
/// memory built from an archive knows which translation is the newer.
public enum DocumentDate {
    /// A unit's dates: created when the document was published, when that is known.
    public static func info(_ path: String?) -> ChangeInfo {
        var info = ChangeInfo()
        info.creationDate = path.flatMap(from(path:))
        return info
    }

    public static func from(path: String) -> Timestamp? {
        let name = (path as NSString).lastPathComponent
        let pattern = /(?:^|[^0-9])((?:19|20)[0-9]{2})-?(0[1-9]|1[0-2])-?(0[1-9]|[12][0-9]|3[01])(?![0-9])/
        guard let match = name.firstMatch(of: pattern) else { return nil }
        return Timestamp(iso8601: "\(match.1)-\(match.2)-\(match.3)")
    }
}
