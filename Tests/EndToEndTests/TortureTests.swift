import Foundation
import ServiceDomain
import ServiceStore
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Crash torture: `advisor torture-writer` makes acknowledged writes (check-ins, stage changes,
/// callbacks, call attempts) in a loop and is killed with SIGKILL at random moments, again and again on
/// the same database. Afterwards the database must pass `integrity_check` and hold every write that
/// was acknowledged before a kill, each whole (a check-in with its concern, mileage and first stage).
///
/// CI size: 200 kills (ADVISOR_TORTURE_KILLS). A larger run, e.g. 2000 kills:
///     ADVISOR_TORTURE_KILLS=2000 swift test --filter TortureTests
@Suite(.serialized)
struct TortureTests {
    @Test func acknowledgedWritesSurviveSIGKILL() throws {
        let kills = RobustnessReport.environmentInt("ADVISOR_TORTURE_KILLS", default: 200)
        let maxDelayMs = RobustnessReport.environmentInt("ADVISOR_TORTURE_MAX_DELAY_MS", default: 400)
        let folder = try ScratchFolder("torture")
        let db = folder.path("shop.db")
        let acks = folder.path("acks.log")
        let output = folder.path("writer.out")
        var rng = SystemRandomNumberGenerator()
        var survived = 0
        var exitedEarly = 0
        let started = Date()
        while survived < kills {
            let child = try ChildProcess.start(TmuxSession.advisorPath, ["torture-writer", "--db", db, "--acks", acks],
                                               outputPath: output)
            usleep(UInt32.random(in: 0...UInt32(maxDelayMs * 1000), using: &rng))
            if child.kill() {
                survived += 1
            } else {
                // The writer only stops by itself on an error: that is a failure, with its output.
                exitedEarly += 1
                Issue.record("torture-writer exited on its own: \(child.output.suffix(2000))")
                if exitedEarly > 3 { return }
            }
        }

        let verified = try verify(database: db, acks: acks)
        RobustnessReport.print("torture: \(survived) SIGKILLs survived, \(verified.writes) acknowledged writes verified "
            + "(\(verified.repairOrders) check-ins), \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
        #expect(verified.writes > survived, "the writer should have acknowledged more writes than there were kills")
    }

    /// Re-opens the tortured database and checks every acknowledged write. Returns what was verified.
    private func verify(database path: String, acks: String) throws -> (writes: Int, repairOrders: Int) {
        let store = try AppDatabase.open(path: path, timeZone: TimeZone(identifier: "Asia/Shanghai")!)
        defer { try? store.close() }
        let report = try store.check()
        #expect(report.isHealthy, "integrity/foreign key problems: \(report.problems)")

        let text = try String(contentsOfFile: acks, encoding: .utf8)
        // Only whole lines count: a kill may cut the line being written, never an earlier one. The last
        // piece after the final newline is either empty or such a cut line.
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.removeLast()
        var writes = 0
        var ros = 0
        for line in lines {
            let f = line.split(separator: " ").map(String.init)
            switch f.first {
            case "ro":
                let ro = try store.repairOrder(id: Int64(f[1])!)
                #expect(ro?.number == f[2], "acknowledged check-in \(line) missing")
                ros += 1
            case "stage":
                let ro = try store.repairOrder(id: Int64(f[1])!)
                #expect((ro?.version ?? -1) >= Int(f[3])!, "acknowledged stage change \(line) missing")
                #expect(try store.stageChanges(repairOrderID: Int64(f[1])!).contains { $0.to.rawValue == f[2] })
            case "cb":
                #expect(try store.callback(id: Int64(f[1])!)?.repairOrderID == Int64(f[2])!, "callback \(line) missing")
            case "attempt":
                let attempts = try store.callAttempts(callbackID: Int64(f[1])!).count
                #expect(attempts >= Int(f[2])!, "acknowledged call attempt \(line) missing")
                #expect(try store.callback(id: Int64(f[1])!)?.attempts == attempts)
            default:
                Issue.record("unreadable acknowledgement line: \(line)")
            }
            writes += 1
        }
        // Nothing half-written: every repair order in the file, acknowledged or not, came in whole.
        for ro in try store.repairOrders(stageIn: Set(ROStage.allCases)) {
            #expect(try store.concerns(repairOrderID: ro.id!).count == 1, "check-in \(ro.number) without its concern")
            #expect(try store.stageChanges(repairOrderID: ro.id!).first?.from == nil, "\(ro.number) without its first stage")
        }
        return (writes, ros)
    }
}
