import Foundation
import ServiceDomain
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a process could not take its place on the shop's lock file.
public enum ShopLockError: UserFacingError, Equatable {
    /// A restore wants the shop to itself while these processes (consoles, imports, commands) have it open.
    case terminalsOpen(path: String, count: Int)
    /// A restore is replacing the shop's file right now.
    case restoreInProgress(path: String)
    /// The lock file beside the database cannot be created or opened.
    case cannotLock(path: String, detail: String)
    /// Another terminal is bringing the file's schema up to this version and has not finished in time.
    case upgradeInProgress(path: String)

    public var message: Message {
        switch self {
        case .terminalsOpen(let path, let count):
            return Message(
                zh: "本店数据库 \(path) 还有 \(count) 个终端（控制台或命令）在使用；请先关闭它们，再恢复。未做任何改动。",
                en: (count == 1 ? "1 terminal is" : "\(count) terminals are")
                    + " open on this shop (\(path)); close them first, then restore. Nothing was changed.")
        case .restoreInProgress(let path):
            return Message(
                zh: "本店数据库 \(path) 正在从备份恢复；请等恢复完成后再打开。",
                en: "The shop's database \(path) is being restored from a backup; open it again once the restore is done.")
        case .upgradeInProgress(let path):
            return Message(
                zh: "另一个终端正在把本店数据库 \(path) 升级到新版本，尚未完成；请过一分钟再打开。未做任何改动。",
                en: "Another terminal is upgrading the shop's database \(path) to this version and has not finished; "
                    + "open it again in a minute. Nothing was changed.")
        case .cannotLock(let path, let detail):
            return Message(
                zh: "无法打开锁文件 \(path)（\(detail)）。请检查文件夹权限。",
                en: "Cannot open the lock file \(path) (\(detail)). Check the folder's permissions.")
        }
    }
}

/// An advisory lock every process of the console honours, in a file beside the database
/// (`shop.db.lock`). SQLite's own locks cannot say "nobody has this file open": a WAL reader holds
/// no lock between transactions, so a restore could otherwise rename the file under a console or an
/// import whose next commit then lands in the renamed-away file.
///
/// Every `AppDatabase` holds a shared lock on byte 0 while open, plus a shared lock on one "slot" byte
/// of its own, so that a restore refused by byte 0 can count who is in. A restore takes byte 0
/// exclusively and never waits for it. The locks are open-file-description locks (`F_OFD_SETLK`):
/// released by the kernel when the process dies, and two opens in one process conflict like two
/// processes, unlike classic POSIX locks.
final class ShopLock: @unchecked Sendable {
    let path: String
    private var fd: Int32

    static let slotBase: Int = 4096
    static let slotCount: Int = 4096

    static func lockPath(forDatabase path: String) -> String { path + ".lock" }

    private init(path: String, fd: Int32) {
        self.path = path
        self.fd = fd
    }

    deinit { release() }

    func release() {
        guard fd >= 0 else { return }
        AppDatabase.systemClose(fd)
        fd = -1
    }

    /// Joins the processes that have the shop open. While a restore holds the lock this waits up to
    /// `timeout`, then refuses with `.restoreInProgress`.
    static func shared(database: String, timeout: TimeInterval) throws -> ShopLock {
        let lock = try openFile(database: database)
        let deadline = Date().addingTimeInterval(timeout)
        while !lock.set(F_RDLCK, start: 0, wait: false) {
            guard Date() < deadline else {
                lock.release()
                throw ShopLockError.restoreInProgress(path: database)
            }
            usleep(50_000)
        }
        // A free slot makes this process countable; two processes picking the same slot at once only
        // make the count one short, byte 0 still keeps the restore out.
        for slot in 0..<slotCount where lock.holder(at: slotBase + slot) == nil {
            if lock.set(F_RDLCK, start: slotBase + slot, wait: false) { break }
        }
        return lock
    }

    /// Byte 1: held exclusively by the one process bringing the schema up to date (`SchemaUpgrade`), so two
    /// terminals opening an old file at once do not both run its migrations; the second waits, then finds
    /// nothing left to do.
    static let upgradeByte = 1

    /// Runs `body` holding the upgrade byte, waiting up to `timeout` for another process's upgrade to end
    /// (then refusing with `.upgradeInProgress`).
    func upgrading<T>(database: String, timeout: TimeInterval, _ body: () throws -> T) throws -> T {
        let deadline = Date().addingTimeInterval(timeout)
        while !set(F_WRLCK, start: Self.upgradeByte, wait: false) {
            guard Date() < deadline else { throw ShopLockError.upgradeInProgress(path: database) }
            usleep(50_000)
        }
        defer { _ = set(F_UNLCK, start: Self.upgradeByte, wait: false) }
        return try body()
    }

    /// Takes the shop for a restore: refuses with `.terminalsOpen` (and how many) while any other
    /// `AppDatabase` has it open, in this process or another.
    static func exclusive(database: String) throws -> ShopLock {
        let lock = try openFile(database: database)
        if lock.set(F_WRLCK, start: 0, wait: false) { return lock }
        var count = 0
        var start = slotBase
        while start < slotBase + slotCount, let next = lock.holder(at: start, length: slotBase + slotCount - start) {
            count += 1
            start = next + 1
        }
        lock.release()
        throw ShopLockError.terminalsOpen(path: database, count: max(count, 1))
    }

    private static func openFile(database: String) throws -> ShopLock {
        let path = lockPath(forDatabase: database)
        let folder = (database as NSString).deletingLastPathComponent.isEmpty
            ? "." : (database as NSString).deletingLastPathComponent
        var fd = AppDatabase.systemOpen(path, O_RDWR | O_CREAT | O_CLOEXEC, FileModes.fileMode(inFolder: folder))
        if fd >= 0 {
            FileModes.adjustNewFile(fd: fd, inFolder: folder)
        } else {
            // A user who may only read the shop can still take the shared lock through a read-only open.
            fd = AppDatabase.systemOpen(path, O_RDONLY | O_CLOEXEC)
        }
        guard fd >= 0 else { throw ShopLockError.cannotLock(path: path, detail: String(cString: strerror(errno))) }
        return ShopLock(path: path, fd: fd)
    }

    // Open-file-description lock commands (Linux 3.15+); the C headers only name them under _GNU_SOURCE.
    #if os(Linux)
    private static let getLock: Int32 = 36
    private static let setLock: Int32 = 37
    #else
    private static let getLock: Int32 = F_GETLK
    private static let setLock: Int32 = F_SETLK
    #endif

    private func set(_ type: Int32, start: Int, wait: Bool) -> Bool {
        var request = flock()
        request.l_type = Int16(type)
        request.l_whence = Int16(SEEK_SET)
        request.l_start = off_t(start)
        request.l_len = 1
        request.l_pid = 0
        return fcntl(fd, Self.setLock, &request) == 0
    }

    /// The offset of the first lock another open file holds in `start ..< start + length`, if any.
    private func holder(at start: Int, length: Int = 1) -> Int? {
        var probe = flock()
        probe.l_type = Int16(F_WRLCK)
        probe.l_whence = Int16(SEEK_SET)
        probe.l_start = off_t(start)
        probe.l_len = off_t(length)
        probe.l_pid = 0
        guard fcntl(fd, Self.getLock, &probe) == 0, probe.l_type != Int16(F_UNLCK) else { return nil }
        return Int(probe.l_start)
    }
}
