import Foundation
import ServiceDomain
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Several OS users (one per desk) sharing one shop file: the folder and every file of the shop are
/// owned by one group, folders 02770 (setgid, so new files get the group), files 0660. What the
/// console creates afterwards follows `FileModes`. The limit, said in the README: anyone who can write
/// the file can change it with sqlite3, so the audit trail is only as strong as these permissions.
public enum SharedSetup {
    /// Folders beside the database that hold the shop's files.
    static let subfolders = ["backups", "work-orders", "deliveries", "reports"]

    /// Makes the shop at `database` shared by `group`. Only the database file's owner or root may.
    /// Returns the paths changed.
    public static func apply(database: String, group: String) throws -> [String] {
        guard let entry = getgrnam(group) else {
            throw StoreError.notAllowed(Message(
                zh: "没有名为 \(FreeText.sanitize(group)) 的用户组；请先创建（groupadd \(FreeText.sanitize(group))），并把各前台的登录加入该组。",
                en: "There is no group named \(FreeText.sanitize(group)); create it first (groupadd \(FreeText.sanitize(group))) "
                    + "and add each desk's login to it."))
        }
        let gid = entry.pointee.gr_gid
        let folder = folderOf(database)
        var info = stat()
        guard stat(database, &info) == 0 else {
            throw StoreError.cannotReadFile(path: database, detail: "no such file / 文件不存在")
        }
        guard getuid() == 0 || getuid() == info.st_uid else {
            throw StoreError.notAllowed(Message(
                zh: "只有数据库文件的所有者或 root 可以设置共享。未做任何改动。",
                en: "Only the database file's owner or root may set up sharing. Nothing was changed."))
        }
        var changed: [String] = []
        func set(_ path: String, mode: mode_t) throws {
            guard chown(path, uid_t.max, gid) == 0, chmod(path, mode) == 0 else {
                throw StoreError.cannotWriteFile(path: path, detail: String(cString: strerror(errno)))
            }
            changed.append(path)
        }
        try set(folder, mode: 0o2770)
        let name = (database as NSString).lastPathComponent
        // The database, its -wal/-shm, its lock file and the copies kept aside by restores.
        for item in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where item.hasPrefix(name) {
            let path = (folder as NSString).appendingPathComponent(item)
            if isRegularFile(path) { try set(path, mode: 0o660) }
        }
        for sub in subfolders {
            let path = (folder as NSString).appendingPathComponent(sub)
            guard isFolder(path) else { continue }
            try set(path, mode: 0o2770)
            for item in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                let file = (path as NSString).appendingPathComponent(item)
                if isRegularFile(file) { try set(file, mode: 0o660) }
            }
        }
        return changed
    }

    /// What `advisor check` warns about: the shop's files, their folder and the backups readable (or
    /// writable) by users outside the shop's group, or by its group when the shop is not set up for sharing.
    public static func permissionWarnings(database: String) -> [Message] {
        let folder = folderOf(database)
        let shared = FileModes.isShared(folder: folder)
        var warnings: [Message] = []
        func inspect(_ path: String, isFolder: Bool) {
            var info = stat()
            guard stat(path, &info) == 0 else { return }
            let mode = info.st_mode & 0o777
            let others = isFolder ? mode & 0o006 : mode & 0o007
            let group = mode & 0o070
            let octal = String(mode, radix: 8)
            if others != 0 {
                warnings.append(Message(
                    zh: "警告：\(path) 对本机所有用户开放（权限 \(octal)）；请运行 advisor setup-shared --group 组名，或 chmod o-rwx \(path)",
                    en: "Warning: \(path) is open to every user of this machine (mode \(octal)); run advisor setup-shared "
                        + "--group GROUP, or chmod o-rwx \(path)"))
            } else if !shared, group != 0, !isFolder {
                warnings.append(Message(
                    zh: "警告：\(path) 对用户组开放（权限 \(octal)），但本店未设置为共享；请运行 advisor setup-shared --group 组名，或 chmod g-rwx \(path)",
                    en: "Warning: \(path) is open to its group (mode \(octal)) but the shop is not set up for sharing; run "
                        + "advisor setup-shared --group GROUP, or chmod g-rwx \(path)"))
            }
        }
        inspect(folder, isFolder: true)
        for suffix in ["", "-wal", "-shm"] { inspect(database + suffix, isFolder: false) }
        let backups = AppDatabase.backupDirectory(forDatabase: database)
        inspect(backups, isFolder: true)
        for file in AppDatabase.backups(in: backups) { inspect(file, isFolder: false) }
        return warnings
    }

    private static func folderOf(_ path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    private static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }
}
