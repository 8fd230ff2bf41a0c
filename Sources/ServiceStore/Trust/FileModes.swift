import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The permissions of every file and folder the console creates beside the shop's database.
///
/// A shop is shared between OS users when its folder has the setgid bit (`advisor setup-shared` sets
/// it): then new files are 0660 and new folders 02770, and the kernel gives them the folder's group, so
/// the WAL, the lock file, backups, work orders and delivery summaries made by any desk stay usable by
/// every desk. Otherwise everything is owner-only (0600 / 0700), whatever the umask.
public enum FileModes {
    /// True when `folder` is set up for sharing (setgid on).
    public static func isShared(folder: String) -> Bool {
        var info = stat()
        guard stat(folder, &info) == 0 else { return false }
        return info.st_mode & S_ISGID != 0
    }

    public static func fileMode(inFolder folder: String) -> mode_t { isShared(folder: folder) ? 0o660 : 0o600 }

    public static func folderMode(inFolder parent: String) -> mode_t { isShared(folder: parent) ? 0o2770 : 0o700 }

    /// Gives a file this process just opened the mode its folder calls for (the umask may have taken
    /// the group bits away). A file someone else created is left as they made it.
    static func adjustNewFile(fd: Int32, inFolder folder: String) {
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_uid == geteuid() else { return }
        let wanted = fileMode(inFolder: folder)
        if info.st_mode & 0o7777 != wanted { fchmod(fd, wanted) }
    }

    /// Sets `path`'s mode to what its folder calls for, when this process owns it.
    public static func adjust(path: String) {
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        var info = stat()
        guard stat(path, &info) == 0, info.st_uid == geteuid() else { return }
        let isFolder = info.st_mode & S_IFMT == S_IFDIR
        let wanted = isFolder ? folderMode(inFolder: folder) : fileMode(inFolder: folder)
        if info.st_mode & 0o7777 != wanted { chmod(path, wanted) }
    }

    /// Creates `folder` (and missing parents) with the mode its parent calls for. An existing folder is
    /// left alone; a file in the way is refused.
    public static func createFolder(_ folder: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw StoreError.cannotCreate(path: folder, detail: "not a folder") }
            return
        }
        let parent = (folder as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != folder { try createFolder(parent) }
        let mode = folderMode(inFolder: parent.isEmpty ? "." : parent)
        if mkdir(folder, mode) != 0 && errno != EEXIST {
            throw StoreError.cannotCreate(path: folder, detail: String(cString: strerror(errno)))
        }
        chmod(folder, mode)
    }

    /// Creates a new file (it must not exist) with the mode its folder calls for and returns its
    /// descriptor, or nil with `errno` set.
    public static func createFile(_ path: String) -> Int32? {
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        let mode = fileMode(inFolder: folder)
        let fd = AppDatabase.systemOpen(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { return nil }
        fchmod(fd, mode)
        return fd
    }

    /// Writes `data` to `path` (replacing an old file atomically) with the folder's mode.
    public static func writeFile(_ data: Data, to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        let temporary = (folder as NSString).appendingPathComponent(
            ".\((path as NSString).lastPathComponent).\(getpid()).partial")
        unlink(temporary)
        try writeNewFile(data, to: temporary)
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw StoreError.cannotWriteFile(path: path, detail: String(cString: strerror(code)))
        }
    }

    /// Writes `data` to a file that must not exist yet, with the folder's mode.
    public static func writeNewFile(_ data: Data, to path: String) throws {
        guard let fd = createFile(path) else {
            throw StoreError.cannotWriteFile(path: path, detail: String(cString: strerror(errno)))
        }
        var failure: Int32 = 0
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { failure = errno; break }
                offset += n
            }
        }
        AppDatabase.systemClose(fd)
        guard failure == 0 else {
            unlink(path)
            throw StoreError.cannotWriteFile(path: path, detail: String(cString: strerror(failure)))
        }
    }
}
