import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// An import and a restore started at once, at several offsets: whatever the interleaving, either the
/// restore is refused ("close them first"), or the import fails loudly, or the import's rows are all in
/// one of the files (the restored one, or the one kept aside). Never a success with its rows in neither.
@Suite(.serialized)
struct RestoreRaceTests {
    static let login = String(cString: getpwuid(getuid())!.pointee.pw_name)

    @Test func anImportAndARestoreAtOnceNeverLoseAnAcknowledgedWrite() throws {
        let folder = try ScratchFolder("restore-race")
        let db = folder.path("shop.db")
        let first = try runAdvisor(["staff", "list", "--db", db], user: Self.login, in: folder)
        #expect(first.status == 0, "\(first.out)")
        let backup = try runAdvisor(["backup", "--db", db, "--to", folder.path("bk")], user: Self.login, in: folder)
        #expect(backup.status == 0, "\(backup.out)")
        let backupFile = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path("bk")).first)

        let rows = 2_000
        var outcomes: [String: Int] = [:]
        for (round, delay) in [0, 50_000, 150_000, 400_000, 900_000, 1_800_000].enumerated() {
            let letter = ["C", "D", "E", "F", "G", "H"][round]
            var csv = "name,phones,out_of_warranty,used_car,plate,vin,model,purchase_date,warranty_end_date,warranty_end_km,notes\n"
            for i in 0..<rows {
                csv += "赵云,139\(round)\(String(format: "%07d", i)),no,no,粤\(letter)\(String(format: "%05d", i)),,朗逸,,,,\n"
            }
            let csvPath = folder.path("round-\(round).csv")
            try csv.write(toFile: csvPath, atomically: true, encoding: .utf8)

            var env = ProcessInfo.processInfo.environment
            env["LANG"] = "C.UTF-8"
            env["LC_ALL"] = "C.UTF-8"
            let importer = try ChildProcess.start(TmuxSession.advisorPath, ["import", "--db", db, csvPath], environment: env,
                                                  outputPath: folder.path("import-\(round).out"))
            usleep(UInt32(delay))
            let restore = try runAdvisor(["restore", "--db", db, folder.path("bk/\(backupFile)")], user: Self.login,
                                         in: folder)
            let imported = importer.wait()

            if restore.status != 0 {
                #expect(restore.out.contains("close them first"), "round \(round): \(restore.out)")
                outcomes["restore refused", default: 0] += 1
            } else {
                outcomes["restore done", default: 0] += 1
            }
            if imported.status != 0 {
                #expect(importer.output.contains("restored"), "round \(round): import failed quietly: \(importer.output)")
                outcomes["import refused", default: 0] += 1
                continue
            }
            #expect(importer.output.contains("Imported \(rows) rows"), "round \(round): \(importer.output)")
            // The acknowledged rows are in the live file, or in a file a restore kept aside.
            let files = [db] + (try FileManager.default.contentsOfDirectory(atPath: folder.url.path))
                .filter { $0.hasPrefix("shop.db.before-restore-") && !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") }
                .map { folder.path($0) }
            let counts = try files.map { try Self.customers(withPlatePrefix: "粤\(letter)", in: $0, folder: folder) }
            #expect(counts.contains(rows), "round \(round): import said done, but its rows are in no file: \(counts)")
        }
        RobustnessReport.print("restore race: \(outcomes)")
    }

    /// Customers in `file` with a plate starting `prefix`, through `advisor export`.
    static func customers(withPlatePrefix prefix: String, in file: String, folder: ScratchFolder) throws -> Int {
        let out = folder.path("export-\(UUID().uuidString).csv")
        let exported = try runAdvisor(["export", "--db", file, out], user: login, in: folder)
        guard exported.status == 0 else { throw E2EError("export of \(file) failed: \(exported.out)") }
        let text = try String(contentsOfFile: out, encoding: .utf8)
        return text.components(separatedBy: prefix).count - 1
    }
}
