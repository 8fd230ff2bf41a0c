import Foundation
import GRDB
import ServiceDomain
import Testing
@testable import ServiceStore

/// The shop's lock file: every open joins it, a restore needs it alone, a read-only open never waits
/// for the write lock.
struct ShopLockTests {
    @Test func aRestoreIsRefusedWhileAnyOpenHoldsTheShopAndCountsThem() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        try Fixture.customer(db, "王芳", phones: ["13800138000"])
        let backup = try db.makeBackup(now: Fixture.morning)
        let second = try AppDatabase.openReadOnly(path: db.path, timeZone: Fixture.shanghai)
        do {
            _ = try AppDatabase.restore(backup: backup, into: db.path, operator: Fixture.advisor, now: Fixture.morning,
                                        timeZone: Fixture.shanghai)
            Issue.record("the restore must be refused while two opens hold the shop")
        } catch let error as ShopLockError {
            #expect(error == .terminalsOpen(path: db.path, count: 2))
            #expect(error.message.en.contains("2 terminals are open on this shop"))
            #expect(error.message.en.contains("close them first"))
            #expect(!error.message.zh.isEmpty)
        }
        // Refused means untouched: nothing renamed, nothing kept aside, the data still there.
        let names = try FileManager.default.contentsOfDirectory(atPath: (db.path as NSString).deletingLastPathComponent)
        #expect(!names.contains { $0.contains("before-restore") })
        #expect(try db.isEmpty() == false)
        try second.close()
        #expect(throws: ShopLockError.terminalsOpen(path: db.path, count: 1)) {
            try AppDatabase.restore(backup: backup, into: db.path, operator: Fixture.advisor, now: Fixture.morning,
                                    timeZone: Fixture.shanghai)
        }
        try db.close()
        let report = try AppDatabase.restore(backup: backup, into: db.path, operator: Fixture.advisor,
                                             now: Fixture.morning, timeZone: Fixture.shanghai)
        #expect(report.restoredOnline)
    }

    @Test func anOpenWaitsForARestoreThenSaysSo() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let path = db.path
        try db.close()
        let restoring = try ShopLock.exclusive(database: path)
        #expect(throws: ShopLockError.restoreInProgress(path: path)) {
            try AppDatabase.open(path: path, timeZone: Fixture.shanghai, busyTimeout: 0.2)
        }
        restoring.release()
        try AppDatabase.open(path: path, timeZone: Fixture.shanghai, busyTimeout: 0.2).close()
    }

    @Test func aReadOnlyOpenNeverWaitsForTheWriteLock() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        try Fixture.customer(db, "王芳", phones: ["13800138000"])
        // Another process's long write: a connection holding the write lock for the whole test.
        let writer = try DatabaseQueue(path: db.path)
        let holding = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            try? writer.inTransaction(.immediate) { _ in
                holding.signal()
                release.wait()
                return .rollback
            }
            finished.signal()
        }
        holding.wait()
        defer {
            release.signal()
            finished.wait()
        }

        let reader = try AppDatabase.openReadOnly(path: db.path, timeZone: Fixture.shanghai, busyTimeout: 0.2)
        #expect(reader.isReadOnly)
        #expect(try reader.check().isHealthy)
        #expect(try reader.allStaff().isEmpty)
        try reader.close()
    }
}
