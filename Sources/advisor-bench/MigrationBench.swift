import Foundation
import ServiceStore

/// How long each upgrade step holds the write lock on an old file made from the dataset
/// (`MigrationTiming.makeOldCopy`: the oldest schema, v1, with the rows as the old versions stored them):
/// once with GRDB's migrator alone (one transaction per step, as shipped before batching) and once as
/// `AppDatabase.open` upgrades now. A terminal beside the upgrade waits at most a step's longest
/// transaction; the target is 1 s, well under the 5 s busy timeout.
struct MigrationBench {
    let context: BenchContext

    func run() throws -> [ResultRow] {
        let old = context.folder.appendingPathComponent("old-v1.db").path
        let stepwise = context.folder.appendingPathComponent("old-v1-stepwise.db").path
        let batched = context.folder.appendingPathComponent("old-v1-batched.db").path
        if !FileManager.default.fileExists(atPath: old) {
            let ms = try Clock.milliseconds { try MigrationTiming.makeOldCopy(of: context.dbPath, at: old) }
            say(String(format: "  old copy made in %.1f s", ms / 1000))
        }
        for copy in [stepwise, batched] {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: copy + suffix) }
            try FileManager.default.copyItem(atPath: old, toPath: copy)
        }
        let foreignKeys = try MigrationTiming.foreignKeyCheck(path: old)
        say(String(format: "  whole-file foreign key check: %.0f ms", foreignKeys * 1000))
        let before = try MigrationTiming.upgradeStepByStep(path: stepwise)
        let after = try MigrationTiming.upgradeBatched(path: batched)
        var rows: [ResultRow] = []
        for step in before {
            let now = after.first { $0.identifier == step.identifier }
            let longest = now?.longestHold ?? .nan
            let line = String(format: "%@: before %.0f ms (1 transaction); now longest %.0f ms of %d, total %.0f ms",
                              step.identifier, step.longestHold * 1000, longest * 1000, now?.transactions ?? 0,
                              (now?.totalHold ?? .nan) * 1000)
            say("  " + line)
            rows.append(ResultRow(name: "upgrade step \(step.identifier), longest write-lock hold", unit: "ms",
                                  samples: Samples(values: [longest * 1000]),
                                  baseline: Samples(values: [step.longestHold * 1000]),
                                  target: "1000", met: longest <= 1, note: ""))
        }
        for copy in [stepwise, batched] {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: copy + suffix) }
        }
        return rows
    }
}
