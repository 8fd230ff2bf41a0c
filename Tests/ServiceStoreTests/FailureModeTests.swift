import Foundation
import GRDB
import ServiceDomain
import Testing
@testable import ServiceStore
#if canImport(Glibc)
import Glibc
#endif

/// What the store says when the file system lets it down, before opening and while running, and that
/// nothing half-written is left behind.
@Suite(.serialized) struct FailureModeTests {
    private func counts(_ db: AppDatabase) throws -> (customers: Int, audit: Int) {
        try db.dbPool.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM customer") ?? -1,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log") ?? -1)
        }
    }

    /// Saves a customer and returns the error, as the store's user-facing translation.
    private func failedSave(_ db: AppDatabase, _ name: String) -> (any Error)? {
        do {
            _ = try Fixture.customer(db, name, phones: ["13912345678"])
            return nil
        } catch {
            return db.userFacing(error)
        }
    }

    @Test func aReadOnlyFileIsRefusedAtOpenWithAMessageInBothLanguages() throws {
        if geteuid() == 0 {
            // Root ignores file modes: use a read-only file system instead.
            guard let mount = FailureModeMount(sizeKB: 2048) else { return }
            let path = mount.file("shop.db")
            try Fixture.open(TempFolderAt(path)).close()
            #expect(mount.makeReadOnly())
            #expect(throws: StoreError.readOnly(path: (path as NSString).deletingLastPathComponent)) {
                _ = try AppDatabase.open(path: path)
            }
        } else {
            let folder = TempFolder()
            try Fixture.open(folder).close()
            chmod(folder.dbPath, 0o444)
            #expect(throws: StoreError.readOnly(path: folder.dbPath)) { _ = try Fixture.open(folder) }
        }
        let message = StoreError.readOnly(path: "/data/shop.db").message
        #expect(message.zh.contains("只读") && message.en.contains("read-only"))
    }

    @Test func aDatabaseThatTurnsReadOnlyWhileRunningRefusesTheNextWriteAndKeepsTheFirst() throws {
        // Linux refuses to remount a file system read-only while files on it are open for writing, and
        // root ignores file modes; SQLite's `query_only` on the writer connection fails the next write
        // with the same SQLITE_READONLY a read-only file gives.
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        _ = try Fixture.customer(db, "王芳", phones: ["13812345678"])
        let before = try counts(db)

        try db.dbPool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA query_only = ON") }
        let error = failedSave(db, "李强")
        #expect(error as? StoreError == .readOnly(path: folder.dbPath), "\(String(describing: error))")
        #expect((error as? StoreError)?.message.en.contains("read-only") == true)
        #expect(try counts(db) == before)

        // Writable again: the same save goes through, nothing was lost meanwhile.
        try db.dbPool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA query_only = OFF") }
        _ = try Fixture.customer(db, "李强", phones: ["13998765432"])
        #expect(try counts(db).customers == before.customers + 1)
    }

    @Test func aFullDiskRollsTheChangeBackAndSaysSo() throws {
        // Without the right to mount (not root), the max_page_count test below covers disk full.
        guard let mount = FailureModeMount(sizeKB: 1024) else { return }
        let path = mount.file("shop.db")
        let db = try AppDatabase.open(path: path, timeZone: Fixture.shanghai)
        _ = try Fixture.customer(db, "王芳", phones: ["13812345678"])
        let before = try counts(db)
        mount.fillUp()

        let notes = String(repeating: "长备注", count: 150)
        var lastError: (any Error)?
        // A few saves: the first may still fit in pages SQLite already has.
        for i in 0..<400 where lastError == nil {
            do {
                _ = try db.saveCustomer(Customer(name: "客户\(i)", phones: ["139123\(String(format: "%05d", i))"], notes: notes),
                                        operator: Fixture.reception, now: Fixture.morning)
            } catch {
                lastError = db.userFacing(error)
            }
        }
        #expect(lastError as? StoreError == .diskFull(path: path), "\(String(describing: lastError))")
        // A write into the WAL that fails on the full disk reaches us as "disk I/O error": still disk full.
        #expect(OpenPreflight.translate(DatabaseError(resultCode: .SQLITE_IOERR, message: "disk I/O error"), path: path)
            as? StoreError == .diskFull(path: path))
        let after = try counts(db)
        // Every customer that was saved has its audit row, and the refused one has neither.
        #expect(after.customers - before.customers == after.audit - before.audit)
        #expect(try db.dbPool.read { try String.fetchOne($0, sql: "PRAGMA quick_check") } == "ok")
    }

    @Test func aFullDatabaseLimitIsReportedAsDiskFullToo() throws {
        // Where no file system can be mounted: SQLite's page limit on the writer connection fails the
        // same way (SQLITE_FULL).
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        _ = try Fixture.customer(db, "王芳", phones: ["13812345678"])
        let before = try counts(db)
        try db.dbPool.writeWithoutTransaction { conn in
            let pages = try Int.fetchOne(conn, sql: "PRAGMA page_count") ?? 0
            _ = try Int.fetchOne(conn, sql: "PRAGMA max_page_count = \(pages)")
        }
        var lastError: (any Error)?
        for i in 0..<400 where lastError == nil {
            do {
                _ = try db.saveCustomer(Customer(name: "客户\(i)", phones: ["139123\(String(format: "%05d", i))"],
                                                 notes: String(repeating: "长备注", count: 150)),
                                        operator: Fixture.reception, now: Fixture.morning)
            } catch {
                lastError = db.userFacing(error)
            }
        }
        #expect(lastError as? StoreError == .diskFull(path: folder.dbPath), "\(String(describing: lastError))")
        let after = try counts(db)
        #expect(after.customers - before.customers == after.audit - before.audit)
        let message = StoreError.diskFull(path: "x").message
        #expect(message.zh.contains("存放 x 的磁盘已满") && message.en.contains("The disk holding x is full; free space and run it again")
            && message.en.contains("not saved"))
        // Said on the command line too, where nothing was typed into a form.
        #expect(!message.en.contains("still on screen") && !message.zh.contains("仍在屏幕"))
    }

    @Test func aDeletedFileIsNoticedWhileRunning() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        _ = try Fixture.customer(db, "王芳", phones: ["13812345678"])
        #expect(db.fileProblem() == nil)

        try FileManager.default.removeItem(atPath: folder.dbPath)
        #expect(db.fileProblem() == .fileGone(path: folder.dbPath))
        let message = StoreError.fileGone(path: folder.dbPath).message
        #expect(message.en.contains("deleted or moved") && message.zh.contains("已被删除"))
        // Errors SQLite reports once the file is gone name that, not "read-only".
        #expect(db.userFacing(DatabaseError(resultCode: .SQLITE_READONLY)) as? StoreError == .fileGone(path: folder.dbPath))
    }

    @Test func aFileReplacedUnderTheRunningConsoleIsNoticed() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        _ = try Fixture.customer(db, "王芳", phones: ["13812345678"])
        let other = TempFolder()
        try Fixture.open(other).close()
        // Someone restores another copy over the path with `mv`: same path, different file.
        #expect(rename(other.dbPath, folder.dbPath) == 0)
        #expect(db.fileProblem() == .fileGone(path: folder.dbPath))
    }

    @Test func aFileThatIsNotSQLiteIsRefusedUntouched() throws {
        let folder = TempFolder()
        let url = folder.file("notes.db")
        let content = Data("客户名单\n王芳,13812345678\n".utf8)
        try content.write(to: url)
        #expect(throws: StoreError.notSQLite(path: url.path)) { _ = try AppDatabase.open(path: url.path) }
        #expect(try Data(contentsOf: url) == content)
        #expect(!FileManager.default.fileExists(atPath: url.path + "-wal"))
    }

    @Test func ioErrorsAndUnknownErrorsTranslate() {
        let folder = TempFolder()
        let path = folder.file("x.db").path
        _ = FileManager.default.createFile(atPath: path, contents: Data())
        let full = OpenPreflight.translate(DatabaseError(resultCode: .SQLITE_FULL), path: path) as? StoreError
        #expect(full == .diskFull(path: path))
        let io = OpenPreflight.translate(DatabaseError(resultCode: .SQLITE_IOERR, message: "disk I/O error"), path: path)
        #expect(io as? StoreError == .ioError(path: path, detail: "disk I/O error"))
        #expect(!OpenPreflight.diskIsFull(holding: path))
        let conflict = StoreError.conflict(entity: "customer", id: 1, changedBy: nil, changedAt: nil)
        #expect(OpenPreflight.translate(conflict, path: path) as? StoreError == conflict)
    }
}

/// `TempFolder`'s shape for a path chosen by the test (inside a mount).
private struct TempFolderAt {
    let dbPath: String
    init(_ path: String) { dbPath = path }
}

extension Fixture {
    fileprivate static func open(_ at: TempFolderAt) throws -> AppDatabase {
        try AppDatabase.open(path: at.dbPath, timeZone: shanghai)
    }
}
