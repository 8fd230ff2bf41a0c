import Foundation
import ServiceDomain
import ServiceStore
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A large import runs while four `concurrency-worker` processes keep saving repair orders and call
/// attempts the whole time: no worker may see a "locked" error (or any other), and the import must
/// report every row. Written as one transaction, such an import held the write lock longer than the
/// 5 s busy timeout (30,000 rows: 10 s here) and the workers' saves failed with "locked".
///
/// Size: ADVISOR_IMPORT_ROWS (default 30,000).
@Suite(.serialized)
struct ImportBesideWritersTests {
    @Test func anImportBesideFourWritersCausesNoLockedError() throws {
        let rows = RobustnessReport.environmentInt("ADVISOR_IMPORT_ROWS", default: 30_000)
        let folder = try ScratchFolder("import-beside-writers")
        let path = folder.path("shop.db")
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        let setup = Operator(staffID: nil, name: "setup")
        let now = Date()
        let store = try AppDatabase.open(path: path, timeZone: zone)
        let owner = try store.saveCustomer(Customer(name: "并发测试", phones: ["13800138000"]), operator: setup, now: now)
        let vehicle = try store.saveVehicle(Vehicle(ownerID: owner.id!, vin: nil, plate: "沪B12345", model: "朗逸"),
                                            operator: setup, now: now)
        var targets: [String] = []
        for i in 0..<3 {
            let ro = try store.createRepairOrder(
                RepairOrder(number: "", customerID: owner.id!, vehicleID: vehicle.id!, advisorID: nil, serviceType: .repair,
                            repairClass: .minorRepair, openedAt: now, promisedAt: now.addingTimeInterval(7200),
                            mileageIn: 10_000 + i, contactPhone: "13800138000"),
                concerns: [Concern(repairOrderID: 0, text: "异响", category: .noise)], jobs: [], operator: setup,
                now: now, timeZone: zone)
            let callback = try store.createCallback(Callback(repairOrderID: ro.id!, dueAt: now), operator: setup, now: now)
            targets += ["--ro", String(ro.id!), "--callback", String(callback.id!)]
        }
        try store.close()

        var csv = "name,phones,out_of_warranty,used_car,plate,vin,model,purchase_date,warranty_end_date,warranty_end_km,notes\n"
        for i in 0..<rows {
            csv += "赵云,139\(String(format: "%08d", i)),no,no,粤C\(String(format: "%05d", i % 100_000)),,朗逸,,,,\n"
        }
        try csv.write(toFile: folder.path("big.csv"), atomically: true, encoding: .utf8)

        let marker = folder.path("import-done")
        let started = Date()
        let importer = try ChildProcess.start(TmuxSession.advisorPath, ["import", "--db", path, folder.path("big.csv")],
                                              outputPath: folder.path("import.out"))
        let workers = try (1...4).map { n in
            try ChildProcess.start(TmuxSession.advisorPath,
                                   ["concurrency-worker", "--db", path, "--worker", String(n), "--iterations", "20",
                                    "--until-exists", marker, "--report", folder.path("report-\(n).txt")] + targets,
                                   outputPath: folder.path("worker-\(n).out"))
        }
        let imported = importer.wait()
        let seconds = Date().timeIntervalSince(started)
        _ = FileManager.default.createFile(atPath: marker, contents: Data())
        for (n, worker) in workers.enumerated() {
            let result = worker.wait()
            #expect(result.status == 0 && !result.killed, "worker \(n + 1) failed: \(worker.output.suffix(2000))")
        }
        #expect(imported.status == 0, "import failed: \(importer.output.suffix(2000))")
        #expect(importer.output.contains("Imported \(rows) rows"), "\(importer.output.suffix(500))")

        var saves = 0
        var errors: [String] = []
        for n in 1...4 {
            let lines = try String(contentsOfFile: folder.path("report-\(n).txt"), encoding: .utf8).split(separator: "\n")
            saves += lines.filter { $0.hasPrefix("win") }.count
            errors += lines.filter { $0.hasPrefix("error") }.map(String.init)
        }
        #expect(errors.isEmpty, "errors reached the workers beside the import: \(errors.prefix(5))")
        let reopened = try AppDatabase.open(path: path, timeZone: zone)
        #expect(try reopened.search("赵云", limit: 5).count == 5)
        #expect(try reopened.check().isHealthy)
        RobustnessReport.print("import beside writers: \(rows) rows imported in \(String(format: "%.1f", seconds)) s while "
            + "4 processes saved \(saves) changes, \(errors.count) errors")
    }
}
