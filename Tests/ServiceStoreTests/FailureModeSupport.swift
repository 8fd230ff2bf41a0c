import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A small tmpfs mounted for one test: a real "disk full" and a real read-only file system, even for
/// root (who ignores file modes). nil when this process may not mount (not root, or in a sandbox).
final class FailureModeMount {
    let path: String

    init?(sizeKB: Int) {
        guard geteuid() == 0 else { return nil }
        path = FileManager.default.temporaryDirectory.appendingPathComponent("advisor-fs-\(UUID().uuidString)").path
        guard (try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)) != nil,
              Self.mount(["-t", "tmpfs", "-o", "size=\(sizeKB)k,mode=0755", "tmpfs", path]) else {
            try? FileManager.default.removeItem(atPath: path)
            return nil
        }
    }

    deinit {
        _ = Self.run("/bin/umount", ["-l", path])
        try? FileManager.default.removeItem(atPath: path)
    }

    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    /// Every later write to any file here fails with EROFS (only while no file here is open for writing).
    func makeReadOnly() -> Bool { Self.mount(["-o", "remount,ro", path]) }

    /// Takes up what is left of the space, so the next page SQLite needs does not fit.
    func fillUp() {
        let filler = file("filler")
        _ = FileManager.default.createFile(atPath: filler, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: filler) else { return }
        defer { try? handle.close() }
        let chunk = Data(repeating: 0x5A, count: 4096)
        while (try? handle.write(contentsOf: chunk)) != nil {}
    }

    private static func mount(_ args: [String]) -> Bool {
        for tool in ["/bin/mount", "/usr/bin/mount"] where FileManager.default.isExecutableFile(atPath: tool) {
            return run(tool, args)
        }
        return false
    }

    private static func run(_ tool: String, _ args: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = args
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
