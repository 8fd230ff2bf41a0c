import Foundation
import GRDB
import ServiceDomain
import Testing
@testable import ServiceStore

/// A file the program refuses stays exactly as it was: its first 100 bytes (the header: journal mode,
/// change counter, schema cookie) and the folder's listing (no -wal, -shm or lock file appears).
struct RefusedFileTests {
    struct Snapshot: Equatable {
        var header: Data
        var listing: [String]
    }

    func snapshot(_ path: String) throws -> Snapshot {
        let folder = (path as NSString).deletingLastPathComponent
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted().map { name in
            let size = (try? FileManager.default.attributesOfItem(atPath: folder + "/" + name)[.size] as? Int) ?? -1
            return "\(name) \(size)"
        }
        return Snapshot(header: try Data(contentsOf: URL(fileURLWithPath: path)).prefix(100), listing: names)
    }

    /// A shop with some rows, closed, in rollback-journal mode (one file, as a copied backup is).
    func makeShop(_ folder: TempFolder) throws -> String {
        let db = try Fixture.open(folder)
        for i in 0..<200 {
            let customer = try Fixture.customer(db, "客户", phones: [String(13_800_000_000 + i)],
                                                notes: String(repeating: "备注", count: 50))
            _ = try Fixture.vehicle(db, owner: customer, plate: "粤A" + String(10_000 + i))
        }
        let path = db.path
        try db.close()
        let queue = try DatabaseQueue(path: path)
        _ = try queue.writeWithoutTransaction { try String.fetchOne($0, sql: "PRAGMA journal_mode = DELETE") }
        try queue.close()
        unlink(ShopLock.lockPath(forDatabase: path))
        return path
    }

    func expectUntouched(_ path: String, _ refusal: (StoreError) -> Bool, _ label: String) throws {
        let before = try snapshot(path)
        for open in [{ try AppDatabase.open(path: path, timeZone: Fixture.shanghai) },
                     { try AppDatabase.openReadOnly(path: path, timeZone: Fixture.shanghai) }] {
            do {
                _ = try open()
                Issue.record("\(label): must be refused")
            } catch let error as StoreError {
                #expect(refusal(error), "\(label): \(error)")
            }
            #expect(try snapshot(path) == before, "\(label): the refused file or its folder changed")
        }
    }

    @Test func aFileFromANewerVersionIsRefusedUntouched() throws {
        let folder = TempFolder()
        let path = try makeShop(folder)
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('from-a-later-version')") }
        try queue.close()
        try expectUntouched(path, { if case .newerSchema = $0 { true } else { false } }, "newer schema")
    }

    @Test func aTruncatedWALFileIsRefusedWithoutAWALOrShmBesideIt() throws {
        let folder = TempFolder()
        let path = try makeShop(folder)
        let queue = try DatabaseQueue(path: path)
        _ = try queue.writeWithoutTransaction { try String.fetchOne($0, sql: "PRAGMA journal_mode = WAL") }
        try queue.close()
        let full = try Data(contentsOf: URL(fileURLWithPath: path))
        try full.prefix(full.count / 3).write(to: URL(fileURLWithPath: path))
        try expectUntouched(path, { if case .corrupt = $0 { true } else { false } }, "truncated")
    }

    @Test func aDamagedFileIsRefusedUntouched() throws {
        let folder = TempFolder()
        let path = try makeShop(folder)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        for i in stride(from: 4096 + 100, to: bytes.count, by: 97) { bytes[i] = 0xA5 }
        try bytes.write(to: URL(fileURLWithPath: path))
        try expectUntouched(path, { if case .corrupt = $0 { true } else { false } }, "damaged")
    }

    @Test func aFileNobodyMayWriteIsReadOnlyEvenForRoot() throws {
        let folder = TempFolder()
        let path = try makeShop(folder)
        chmod(path, 0o444)
        let before = try snapshot(path)
        #expect(throws: StoreError.readOnly(path: path)) { try AppDatabase.open(path: path, timeZone: Fixture.shanghai) }
        #expect(try snapshot(path) == before)
    }
}
