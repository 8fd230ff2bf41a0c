import Foundation
import Testing
@testable import ServiceStore

/// The files the console writes beside the shop (work orders, delivery summaries, reports, backups):
/// owner-only in a private folder, the shop's group in a shared one, whatever the umask.
struct FileModesTests {
    func mode(_ path: String) -> mode_t {
        var info = stat()
        stat(path, &info)
        return info.st_mode & 0o7777
    }

    @Test func privateFolderOwnerOnlySharedFolderGroup() throws {
        let folder = TempFolder()
        let base = folder.file("x").deletingLastPathComponent().path
        let previous = umask(0o022)
        defer { umask(previous) }

        let privateShop = base + "/private"
        try FileModes.createFolder(privateShop + "/deliveries")
        try FileModes.writeFile(Data("交车单".utf8), to: privateShop + "/deliveries/RO-1.txt")
        try FileModes.writeNewFile(Data("委托书".utf8), to: privateShop + "/deliveries/RO-2.txt")
        #expect(mode(privateShop) == 0o700 && mode(privateShop + "/deliveries") == 0o700)
        #expect(mode(privateShop + "/deliveries/RO-1.txt") == 0o600 && mode(privateShop + "/deliveries/RO-2.txt") == 0o600)
        #expect(throws: StoreError.self) { try FileModes.writeNewFile(Data(), to: privateShop + "/deliveries/RO-2.txt") }

        let shared = base + "/shared"
        mkdir(shared, 0o700)
        chmod(shared, 0o2770)
        try FileModes.createFolder(shared + "/work-orders")
        try FileModes.writeNewFile(Data("委托书".utf8), to: shared + "/work-orders/RO-1.txt")
        try FileModes.writeFile(Data("交车单".utf8), to: shared + "/RO-2.txt")
        #expect(mode(shared + "/work-orders") == 0o2770)
        #expect(mode(shared + "/work-orders/RO-1.txt") == 0o660 && mode(shared + "/RO-2.txt") == 0o660)
        // No temporary file left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: shared).sorted() == ["RO-2.txt", "work-orders"])

        // The database and its backups follow the same rule.
        let db = try AppDatabase.open(path: shared + "/shop.db", timeZone: Fixture.shanghai)
        let backup = try db.makeBackup(now: Fixture.morning)
        try db.close()
        #expect(mode(shared + "/shop.db") == 0o660 && mode(shared + "/shop.db.lock") == 0o660)
        #expect(mode(shared + "/backups") == 0o2770 && mode(backup) == 0o660)
        #expect(SharedSetup.permissionWarnings(database: shared + "/shop.db").isEmpty)
        chmod(backup, 0o644)
        #expect(SharedSetup.permissionWarnings(database: shared + "/shop.db").map(\.en).contains { $0.contains(backup) })
    }
}
