import Foundation
import ServiceDomain
import ServiceStore
import Testing

/// Four `advisor concurrency-worker` processes read, hold and save the same repair orders and callbacks
/// at once. No update may be lost: the versions the winners report must form one unbroken sequence per
/// record (each saved change built on the one before), every winning call attempt must be stored, every
/// loser must have been told "conflict" and have read a newer state, and no "locked" error may surface.
///
/// CI size: 4 workers × 150 updates (ADVISOR_CONCURRENCY_ITERATIONS for more).
@Suite(.serialized)
struct ConcurrencyTests {
    @Test func fourProcessesLoseNoUpdate() throws {
        let iterations = RobustnessReport.environmentInt("ADVISOR_CONCURRENCY_ITERATIONS", default: 150)
        let folder = try ScratchFolder("concurrency")
        let path = folder.path("shop.db")
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        let setupOperator = Operator(staffID: nil, name: "setup")
        let now = Date()

        let store = try AppDatabase.open(path: path, timeZone: zone)
        let owner = try store.saveCustomer(Customer(name: "并发测试", phones: ["13800138000"]), operator: setupOperator, now: now)
        let vehicle = try store.saveVehicle(Vehicle(ownerID: owner.id!, vin: nil, plate: "沪B12345", model: "朗逸"),
                                            operator: setupOperator, now: now)
        var roIDs: [Int64] = []
        var callbackIDs: [Int64] = []
        for i in 0..<3 {
            let ro = try store.createRepairOrder(
                RepairOrder(number: "", customerID: owner.id!, vehicleID: vehicle.id!, advisorID: nil, serviceType: .repair,
                            repairClass: .minorRepair, openedAt: now, promisedAt: now.addingTimeInterval(7200),
                            mileageIn: 10_000 + i, contactPhone: "13800138000"),
                concerns: [Concern(repairOrderID: 0, text: "异响", category: .noise)], jobs: [], operator: setupOperator,
                now: now, timeZone: zone)
            roIDs.append(ro.id!)
            callbackIDs.append(try store.createCallback(Callback(repairOrderID: ro.id!, dueAt: now), operator: setupOperator,
                                                        now: now).id!)
        }
        let startVersions = try Dictionary(uniqueKeysWithValues: roIDs.map { ($0, try store.repairOrder(id: $0)!.version) })

        let targets = roIDs.flatMap { ["--ro", String($0)] } + callbackIDs.flatMap { ["--callback", String($0)] }
        let workers = try (1...4).map { n in
            try ChildProcess.start(TmuxSession.advisorPath,
                                   ["concurrency-worker", "--db", path, "--worker", String(n), "--iterations", String(iterations),
                                    "--report", folder.path("report-\(n).txt")] + targets,
                                   outputPath: folder.path("worker-\(n).out"))
        }
        for (n, worker) in workers.enumerated() {
            let result = worker.wait()
            #expect(result.status == 0 && !result.killed, "worker \(n + 1) failed: \(worker.output.suffix(2000))")
        }

        var wins: [String: [(version: Int, token: String)]] = [:]
        var conflicts = 0
        var errors: [String] = []
        for n in 1...4 {
            let lines = try String(contentsOfFile: folder.path("report-\(n).txt"), encoding: .utf8).split(separator: "\n")
            #expect(lines.count == iterations, "worker \(n) reported \(lines.count) of \(iterations) updates")
            for line in lines {
                let f = line.split(separator: " ").map(String.init)
                switch f[0] {
                case "win": wins["\(f[1]) \(f[2])", default: []].append((Int(f[3])!, f[4]))
                case "conflict":
                    conflicts += 1
                    #expect(f[4] == "fresh", "a loser did not see the newer state: \(line)")
                default: errors.append(String(line))
                }
            }
        }
        #expect(errors.isEmpty, "errors reached the workers (a 'locked' among them?): \(errors.prefix(5))")

        for id in roIDs {
            let ro = try #require(try store.repairOrder(id: id))
            let won = (wins["ro \(id)"] ?? []).sorted { $0.version < $1.version }
            // Every saved change is one step on from the one before it: none was overwritten unseen.
            let start = startVersions[id]!
            #expect(won.map(\.version) == Array(stride(from: start + 1, through: start + won.count, by: 1)))
            #expect(ro.version == start + won.count, "RO \(id): \(won.count) wins but version \(ro.version)")
            if let last = won.last { #expect(ro.walkAroundNotes == last.token) }
        }
        for id in callbackIDs {
            let callback = try #require(try store.callback(id: id))
            let won = (wins["cb \(id)"] ?? []).sorted { $0.version < $1.version }
            let stored = try store.callAttempts(callbackID: id).map(\.note)
            #expect(callback.attempts == won.count, "callback \(id): \(won.count) wins but \(callback.attempts) attempts")
            #expect(Set(stored) == Set(won.map(\.token)) && stored.count == won.count, "callback \(id): call attempts lost")
            #expect(Set(won.map(\.version)).count == won.count, "callback \(id): two wins on the same version")
        }
        #expect(try store.check().isHealthy)
        let attempted = 4 * iterations
        let won = wins.values.map(\.count).reduce(0, +)
        #expect(won + conflicts == attempted)
        #expect(conflicts > 0, "four workers holding state for milliseconds must have raced at least once")
        RobustnessReport.print("concurrency: \(attempted) updates attempted by 4 processes, \(won) saved, "
            + "\(conflicts) conflicts seen (each loser re-read newer state), \(errors.count) errors")
    }
}
