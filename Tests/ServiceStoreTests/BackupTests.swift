import Foundation
import GRDB
import Testing
import ServiceDomain
@testable import ServiceStore

struct BackupTests {
    private func permissions(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    private func customerNames(_ path: String) throws -> [String] {
        var config = Configuration()
        config.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: config)
        defer { try? queue.close() }
        return try queue.read { try String.fetchAll($0, sql: "SELECT name FROM customer ORDER BY name") }
    }

    @Test func backupIsAConsistentOwnerOnlyCopy() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        try Fixture.customer(db, "王芳", phones: ["13800138000"])
        let file = try db.makeBackup(now: Fixture.morning)
        #expect((file as NSString).lastPathComponent == "advisor-20261122-090000.db")
        #expect(try permissions(file) == 0o600)
        #expect(try permissions(db.backupDirectory) == 0o700)
        #expect(try customerNames(file) == ["王芳"])
        try AppDatabase.verifyBackup(file)
        // A plain single file: no -wal left beside it, and no temporary file in the folder.
        let names = try FileManager.default.contentsOfDirectory(atPath: db.backupDirectory)
        #expect(names == ["advisor-20261122-090000.db"])
    }

    @Test func keepsOnlyTheNewestBackups() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        try db.setSetting(key: AppDatabase.backupKeepSetting, value: "3", operator: Fixture.reception, now: Fixture.morning)
        #expect(db.backupKeep() == 3)
        var made: [String] = []
        for hour in 0..<5 {
            made.append(try db.makeBackup(now: Fixture.morning.addingTimeInterval(Double(hour) * 3600)))
        }
        #expect(AppDatabase.backups(in: db.backupDirectory) == Array(made.suffix(3)))
        // Two backups in the same second get distinct names and both count.
        let again = try db.makeBackup(now: Fixture.morning.addingTimeInterval(4 * 3600))
        #expect(again.hasSuffix("-130000-2.db"))
        #expect(AppDatabase.backups(in: db.backupDirectory).last == again)
    }

    @Test func badKeepSettingFallsBackToTheDefault() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        for bad in ["0", "-2", "abc", "１４"] {
            try db.setSetting(key: AppDatabase.backupKeepSetting, value: bad, operator: Fixture.reception, now: Fixture.morning)
            #expect(db.backupKeep() == AppDatabase.defaultBackupKeep)
        }
    }

    @Test func dailyBackupOncePerShopDay() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        #expect(try db.dailyBackupIfNeeded(now: Fixture.morning) != nil)
        #expect(try db.dailyBackupIfNeeded(now: Fixture.morning.addingTimeInterval(8 * 3600)) == nil)
        // 23:30 Shanghai is still the same day; 00:10 the next is not.
        #expect(try db.dailyBackupIfNeeded(now: Fixture.morning.addingTimeInterval(14.5 * 3600)) == nil)
        #expect(try db.dailyBackupIfNeeded(now: Fixture.morning.addingTimeInterval(15.2 * 3600)) != nil)
        #expect(AppDatabase.backups(in: db.backupDirectory).count == 2)
    }

    @Test func backupNeverOverwritesAndRefusesAReadOnlyFolder() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let existing = folder.file("taken.db")
        try Data("keep me".utf8).write(to: existing)
        #expect(throws: StoreError.self) { try db.backup(to: existing.path) }
        #expect(try String(contentsOf: existing, encoding: .utf8) == "keep me")

        guard getuid() != 0 else { return } // root writes anywhere
        let locked = folder.file("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o500])
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: locked.path) }
        #expect(throws: StoreError.self) { try db.makeBackup(now: Fixture.morning, directory: locked.path) }
    }

    @Test func restoreBringsBackTheBackupAndKeepsTheReplacedDatabase() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        try Fixture.customer(db, "王芳", phones: ["13800138000"])
        let backup = try db.makeBackup(now: Fixture.morning)
        try Fixture.customer(db, "李娜", phones: ["13900139000"])
        // A terminal still open on the shop keeps the restore out; once it has closed the restore goes through.
        #expect(throws: ShopLockError.terminalsOpen(path: db.path, count: 1)) {
            try AppDatabase.restore(backup: backup, into: db.path, operator: Fixture.advisor,
                                    now: Fixture.morning.addingTimeInterval(600), timeZone: Fixture.shanghai)
        }
        try db.close()
        let report = try AppDatabase.restore(backup: backup, into: db.path, operator: Fixture.advisor,
                                             now: Fixture.morning.addingTimeInterval(600), timeZone: Fixture.shanghai)
        let reopened = try AppDatabase.open(path: db.path, timeZone: Fixture.shanghai)
        #expect(report.restoredOnline)
        let aside = try #require(report.keptAside)
        #expect(aside.hasSuffix(".before-restore-20261122-091000"))
        #expect(try permissions(aside) == 0o600)
        #expect(try customerNames(aside) == ["李娜", "王芳"])
        let names = try reopened.auditEntries(entity: "database", entityID: nil).map(\.action)
        #expect(names == ["restore"])
        #expect(try Set(reopened.dbPool.read { try String.fetchAll($0, sql: "SELECT name FROM customer") }) == ["王芳"])
        #expect(try reopened.check().isHealthy)
    }

    @Test func restoreRefusesBadBackupsAndChangesNothing() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        try Fixture.customer(db, "王芳", phones: ["13800138000"])
        let good = try db.makeBackup(now: Fixture.morning)

        let text = folder.file("notes.txt")
        try Data("姓名,电话\n".utf8).write(to: text)
        let damaged = folder.file("damaged.db")
        var bytes = try Data(contentsOf: URL(fileURLWithPath: good))
        for i in stride(from: 4096 + 100, to: bytes.count, by: 97) { bytes[i] = 0xA5 }
        try bytes.write(to: damaged)
        let foreign = folder.file("other-app.db")
        let other = try DatabaseQueue(path: foreign.path)
        try other.write { try $0.execute(sql: "CREATE TABLE t(x)") }
        try other.close()
        let missing = folder.file("nope.db")

        for (file, expectedWords) in [(text, "not an Advisor database"), (damaged, "damaged"),
                                      (foreign, "not an Advisor database backup"), (missing, "no such file")] {
            do {
                _ = try AppDatabase.restore(backup: file.path, into: db.path, operator: Fixture.advisor,
                                            now: Fixture.morning, timeZone: Fixture.shanghai)
                Issue.record("\(file.lastPathComponent) must be refused")
            } catch let error as StoreError {
                #expect(error.message.en.contains(expectedWords), "\(file.lastPathComponent): \(error.message.en)")
                #expect(!error.message.zh.isEmpty)
            }
        }
        #expect(try db.dbPool.read { try String.fetchAll($0, sql: "SELECT name FROM customer") } == ["王芳"])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (db.path as NSString).deletingLastPathComponent)
        #expect(!leftovers.contains { $0.contains("before-restore") })
    }

    @Test func restoreReplacesADatabaseThatNoLongerOpens() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        try Fixture.customer(db, "王芳", phones: ["13800138000"])
        let backup = try db.makeBackup(now: Fixture.morning)
        let path = db.path
        try db.close()
        try Data("this is not a database".utf8).write(to: URL(fileURLWithPath: path))
        // Replacing a file nobody can check the restorer's role in is the caller's explicit choice.
        #expect(throws: StoreError.notSQLite(path: path)) {
            try AppDatabase.restore(backup: backup, into: path, operator: Fixture.advisor, now: Fixture.morning,
                                    timeZone: Fixture.shanghai)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "this is not a database")
        let report = try AppDatabase.restore(backup: backup, into: path, operator: Fixture.advisor,
                                             now: Fixture.morning, timeZone: Fixture.shanghai, replaceUnopenable: true)
        #expect(!report.restoredOnline)
        let aside = try #require(report.keptAside)
        #expect(try String(contentsOfFile: aside, encoding: .utf8) == "this is not a database")
        let reopened = try AppDatabase.open(path: path, timeZone: Fixture.shanghai)
        #expect(try reopened.check().isHealthy)
        #expect(try permissions(path) == 0o600)
        #expect(try reopened.dbPool.read { try String.fetchAll($0, sql: "SELECT name FROM customer") } == ["王芳"])
    }

    @Test func aCopyAbandonedByAKilledProcessIsRemovedByTheNextBackup() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let backups = folder.url.appendingPathComponent("bk").path
        try FileManager.default.createDirectory(atPath: backups, withIntermediateDirectories: true)
        // pid 2^22 + 1 is above Linux's pid_max: no such process. Our own pid is alive.
        let abandoned = (backups as NSString).appendingPathComponent(".advisor-20261121-090000.db.4194305.partial")
        let live = (backups as NSString).appendingPathComponent(".advisor-20261120-080000.db.\(getpid()).partial")
        // SQLite's rollback journal of a copy being written when the process was killed.
        let journal = abandoned + "-journal"
        for path in [abandoned, journal, live, live + "-journal"] {
            _ = FileManager.default.createFile(atPath: path, contents: Data("x".utf8))
        }
        try db.makeBackup(now: Fixture.morning, directory: backups)
        #expect(!FileManager.default.fileExists(atPath: abandoned))
        #expect(!FileManager.default.fileExists(atPath: journal))
        #expect(FileManager.default.fileExists(atPath: live + "-journal"))
        #expect(FileManager.default.fileExists(atPath: live))
        #expect(AppDatabase.backups(in: backups).count == 1)
    }
}
