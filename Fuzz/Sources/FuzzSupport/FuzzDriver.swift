/// libFuzzer's driver, called from each target's entry point (`@_cdecl("<target>_main")`):
/// SwiftPM links an executable through `<target>_main`, so the targets cannot use
/// libFuzzer's own `main`.
public enum FuzzDriver {
    public typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
    public typealias Arguments = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>

    public static func run(_ argc: Int32, _ argv: Arguments, _ test: TestOneInput) -> Int32 {
        var count = argc
        var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
        return LLVMFuzzerRunDriver(&count, &arguments, test)
    }
}

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>,
                                 _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                                 _ test: FuzzDriver.TestOneInput) -> Int32
