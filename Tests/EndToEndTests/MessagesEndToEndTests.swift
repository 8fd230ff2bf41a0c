import Foundation
import ServiceDomain
import ServiceStore
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What the command line says when something is wrong: a sentence naming the problem and the fix.
@Suite(.serialized)
struct MessagesEndToEndTests {
    @Test func anUnknownCommandIsNamedAndTheCommandsListed() throws {
        let folder = try ScratchFolder("unknown-command")
        let me = OSUsers.current
        let result = try runAdvisor(["reminders", "--db", folder.path("shop.db")], user: me, in: folder)
        #expect(result.status != 0)
        #expect(result.out.contains("\"reminders\" is not a command"), "\(result.out)")
        for command in ["console", "demo", "check", "export", "import", "report", "staff", "backup", "restore"] {
            #expect(result.out.contains(command), "\(command) missing from: \(result.out)")
        }
        #expect(!result.out.contains("torture-writer"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("shop.db")), "nothing is opened for a typo")
        // Real commands and options still reach their commands.
        // (`check` opens read-only and refuses a file that is not there; `staff list` makes the shop.)
        #expect(try runAdvisor(["staff", "list", "--db", folder.path("shop.db")], user: me, in: folder).status == 0)
        #expect(try runAdvisor(["--help"], user: me, in: folder).out.contains("SUBCOMMANDS"))
    }

    @Test func aURLAsTheDatabaseIsRefusedAndCreatesNothing() throws {
        let folder = try ScratchFolder("db-url")
        let me = OSUsers.current
        for url in ["postgres://shop@db.example/advisor", "mysql://x/y", "https://example.com/shop.db"] {
            let result = try runAdvisor(["check", "--db", url], user: me, in: folder)
            #expect(result.status != 0)
            #expect(result.out.contains("this build opens only SQLite files on this computer (a file path, or a file:// URL)"),
                    "\(result.out)")
            #expect(result.out.contains("Nothing was created."))
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { !$0.hasPrefix("stdin-") && !$0.hasPrefix("out-") }
        #expect(leftovers.isEmpty, "created: \(leftovers)")
        // From the environment too.
        let fromEnv = try runAdvisor(["check"], user: me, environment: ["ADVISOR_DB": "postgres://x/y"], in: folder)
        #expect(fromEnv.status != 0 && fromEnv.out.contains("postgres:// URL"), "\(fromEnv.out)")
        // A file:// URL is a path.
        let file = try runAdvisor(["staff", "list", "--db", "file://" + folder.path("shop.db")], user: me, in: folder)
        #expect(file.status == 0, "\(file.out)")
        #expect(FileManager.default.fileExists(atPath: folder.path("shop.db")))
    }

    /// A real full disk (a small tmpfs, as root): the sentence, not an enum case nor "disk I/O error", and no
    /// claim about text on screen.
    @Test func aFullDiskOnTheCommandLineSaysWhichDiskAndWhatToDo() throws {
        guard let disk = SmallDisk(sizeKB: 2048) else { return }
        let folder = try ScratchFolder("disk-full")
        let db = disk.path + "/shop.db"
        let me = OSUsers.current
        #expect(try runAdvisor(["staff", "list", "--db", db], user: me, in: folder).status == 0)
        disk.fillUp()
        var lines: [String] = []
        for i in 0..<30 {
            let csv = folder.path("rows-\(i).csv")
            var text = "name,phones,out_of_warranty,used_car,plate,vin,model,purchase_date,warranty_end_date,warranty_end_km,notes\n"
            for row in 0..<200 {
                text += "客户\(i)-\(row),139\(String(format: "%04d%04d", i, row)),no,no,,,,,,,\(String(repeating: "备注", count: 100))\n"
            }
            try text.write(toFile: csv, atomically: true, encoding: .utf8)
            let result = try runAdvisor(["import", "--db", db, csv], user: me, in: folder)
            if result.status != 0 {
                lines.append(result.out)
                break
            }
        }
        let out = try #require(lines.first, "the disk never filled up")
        #expect(out.contains("The disk holding \(db) is full; free space and run it again"), "\(out)")
        #expect(!out.contains("diskFull(") && !out.contains("disk I/O error") && !out.contains("still on screen"), "\(out)")
    }
}

/// A tmpfs of `sizeKB` (root only): a real full disk.
final class SmallDisk {
    let path: String

    init?(sizeKB: Int) {
        guard geteuid() == 0 else { return nil }
        path = FileManager.default.temporaryDirectory.appendingPathComponent("advisor-disk-\(UUID().uuidString)").path
        guard (try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)) != nil,
              (try? TmuxSession.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(sizeKB)k,mode=0777", "tmpfs", path]))?.status == 0
        else {
            try? FileManager.default.removeItem(atPath: path)
            return nil
        }
    }

    deinit {
        _ = try? TmuxSession.run("/bin/umount", ["-l", path])
        try? FileManager.default.removeItem(atPath: path)
    }

    func fillUp() {
        let filler = path + "/filler"
        _ = FileManager.default.createFile(atPath: filler, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: filler) else { return }
        defer { try? handle.close() }
        let chunk = Data(repeating: 0x5A, count: 4096)
        while (try? handle.write(contentsOf: chunk)) != nil {}
    }
}
