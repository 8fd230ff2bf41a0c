import ArgumentParser
import Foundation
import ServiceDomain
import ServiceStore
#if canImport(Glibc)
import Glibc
#endif

/// Hidden subcommands that the crash-torture and concurrency tests run as child processes. They use
/// the same store code as the console, so what they prove holds for the console's writes.

/// Appends one line per acknowledged write to a file, with one `write(2)` after the store call has
/// returned (so after COMMIT). A SIGKILL can cut only the line being written, never one before it.
private struct AckLog {
    let fd: Int32

    init(path: String) throws {
        fd = Glibc.open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw CLIError(Message(zh: "无法打开 \(path)", en: "Cannot open \(path)")) }
    }

    func ack(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    }
}

private let tortureOperator = Operator(staffID: nil, name: "torture")
private let tortureZone = TimeZone(identifier: "Asia/Shanghai")!

struct TortureWriterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "torture-writer",
        abstract: "Test helper: check-ins, stage changes, callbacks and call attempts in a loop, each acknowledged to --acks.",
        shouldDisplay: false)

    @Option var db: String
    @Option var acks: String
    @Option(help: "Stop after this many rounds (0: until killed).") var rounds: Int = 0

    func run() throws {
        let store = try AppDatabase.open(path: db, timeZone: tortureZone)
        defer { try? store.close() }
        let log = try AckLog(path: acks)
        let phone = "13800138000"
        let vehicle: Vehicle
        if let existing = try store.vehicle(plate: "京A9T001") {
            vehicle = existing
        } else {
            let owner = try store.saveCustomer(Customer(name: "测试车主", phones: [phone]), operator: tortureOperator,
                                               now: Date())
            vehicle = try store.saveVehicle(Vehicle(ownerID: owner.id!, vin: nil, plate: "京A9T001", model: "凯美瑞"),
                                            operator: tortureOperator, now: Date())
        }
        var km = try store.mileageReadings(vehicleID: vehicle.id!).map(\.km).max() ?? 1000
        var round = 0
        while rounds == 0 || round < rounds {
            round += 1
            km += 1
            let now = Date()
            let ro = try store.createRepairOrder(
                RepairOrder(number: "", customerID: vehicle.ownerID, vehicleID: vehicle.id!, advisorID: nil,
                            serviceType: .maintenance, repairClass: .level1Maintenance, openedAt: now,
                            promisedAt: now.addingTimeInterval(3 * 3600), mileageIn: km, contactPhone: phone),
                concerns: [Concern(repairOrderID: 0, text: "保养 \(km)", category: .maintenance)], jobs: [],
                operator: tortureOperator, now: now, timeZone: tortureZone)
            log.ack("ro \(ro.id!) \(ro.number)")
            // A move the workshop rules allow straight after check-in without jobs or technicians.
            let moved = try store.recordStageChange(roID: ro.id!, from: .checkedIn, to: .onHold, version: ro.version,
                                                    note: "等配件", operator: tortureOperator, now: now)
            log.ack("stage \(ro.id!) \(moved.stage.rawValue) \(moved.version)")
            let callback = try store.createCallback(Callback(repairOrderID: ro.id!, dueAt: now.addingTimeInterval(86_400)),
                                                    operator: tortureOperator, now: now)
            log.ack("cb \(callback.id!) \(ro.id!)")
            let called = try store.recordCallAttempt(
                CallAttempt(callbackID: callback.id!, at: now, outcome: .noAnswer, callerID: nil, note: "r\(round)"),
                callbackVersion: callback.version, operator: tortureOperator, now: now)
            log.ack("attempt \(callback.id!) \(called.attempts)")
        }
    }
}

struct ConcurrencyWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concurrency-worker",
        abstract: "Test helper: read-modify-write the given repair orders and callbacks, reporting wins and conflicts.",
        shouldDisplay: false)

    @Option var db: String
    @Option var worker: Int
    @Option var iterations: Int
    @Option(name: .customLong("ro")) var repairOrders: [Int64] = []
    @Option(name: .customLong("callback")) var callbacks: [Int64] = []
    @Option var report: String
    @Option(help: "Keep going past --iterations until this file exists (to run beside another long process).")
    var untilExists: String?

    func run() throws {
        let store = try AppDatabase.open(path: db, timeZone: tortureZone)
        defer { try? store.close() }
        let op = Operator(staffID: nil, name: "worker \(worker)")
        var lines: [String] = []
        var rng = SystemRandomNumberGenerator()
        let targets = repairOrders.map { ("ro", $0) } + callbacks.map { ("cb", $0) }
        guard !targets.isEmpty else { throw ValidationError("give at least one --ro or --callback") }
        var i = 0
        while i < iterations || untilExists.map({ !FileManager.default.fileExists(atPath: $0) }) == true {
            defer { i += 1 }
            let (kind, id) = targets.randomElement(using: &rng)!
            let token = "w\(worker)-\(i)"
            // Hold the loaded state a moment so that other workers save in between: that is the race.
            func pause() { usleep(UInt32.random(in: 200...2_500, using: &rng)) }
            do {
                if kind == "ro" {
                    guard var ro = try store.repairOrder(id: id) else { lines.append("error missing ro \(id)"); continue }
                    let loaded = ro.version
                    pause()
                    ro.walkAroundNotes = token
                    do {
                        let saved = try store.updateRepairOrder(ro, operator: op, now: Date())
                        lines.append("win ro \(id) \(saved.version) \(token)")
                    } catch StoreError.conflict {
                        let fresh = try store.repairOrder(id: id)
                        lines.append("conflict ro \(id) \(loaded) \(fresh.map { $0.version > loaded } == true ? "fresh" : "stale")")
                    }
                } else {
                    guard let callback = try store.callback(id: id) else { lines.append("error missing cb \(id)"); continue }
                    let loaded = callback.version
                    pause()
                    do {
                        let saved = try store.recordCallAttempt(
                            CallAttempt(callbackID: id, at: Date(), outcome: .busy, callerID: nil, note: token),
                            callbackVersion: loaded, operator: op, now: Date())
                        lines.append("win cb \(id) \(saved.version) \(token)")
                    } catch StoreError.conflict {
                        let fresh = try store.callback(id: id)
                        lines.append("conflict cb \(id) \(loaded) \(fresh.map { $0.version > loaded } == true ? "fresh" : "stale")")
                    }
                }
            } catch let error as UserFacingError {
                // Anything else (a "locked" refusal above all) is a failure the test reports.
                lines.append("error \(error.message.en)")
            }
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: report, atomically: true, encoding: .utf8)
    }
}
