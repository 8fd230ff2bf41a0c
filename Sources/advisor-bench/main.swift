import ArgumentParser
import Foundation
import ServiceStore
import ShopFixtures

/// `swift run -c release advisor-bench [--size small|medium|large]`: builds a dataset in a temporary
/// database, measures, prints a table with medians, 99th percentiles and ratios to `sqlite3`.
struct AdvisorBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advisor-bench",
        abstract: "Benchmarks of the Advisor Console on a generated shop (release build).")

    @Option(help: "Dataset size: small (1,000 customers), medium (50,000 / 300,000 ROs), large (200,000 / 1,500,000 ROs).")
    var size: String = "small"

    @Option(help: "Repetitions (probe customers typed per search kind).")
    var repetitions: Int = 20

    @Option(help: "Run only the measurements whose name contains this text (e.g. find).")
    var only: String?

    @Option(help: "Keep the generated database here instead of a temporary folder (reused when it exists).")
    var keep: String?

    func validate() throws {
        guard BulkSize(rawValue: size) != nil else { throw ValidationError("--size takes small, medium or large") }
        guard repetitions > 0 else { throw ValidationError("--repetitions must be positive") }
    }

    func run() throws {
        let size = BulkSize(rawValue: self.size)!
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        let now = Date()
        let folder = keep.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("advisor-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { if keep == nil { try? FileManager.default.removeItem(at: folder) } }
        let dbPath = folder.appendingPathComponent("shop-\(size.rawValue).db").path
        let existed = FileManager.default.fileExists(atPath: dbPath)

        say("advisor-bench: \(size.rawValue) (\(size.customers) customers, \(size.repairOrders) repair orders)")
        say("machine: \(Machine.description)")
        var db = try AppDatabase.open(path: dbPath, timeZone: zone)
        let dataset = BulkDataset(size: size, now: now, timeZone: zone)
        var summary = BulkDatasetSummary()
        if existed, try !db.isEmpty() {
            // Reused: regenerate only the probes (same seed, same customers) without writing.
            summary = try dataset.probesOnly()
            say("reusing \(dbPath)")
        } else {
            var lastPrint = Date()
            let loadMs = try Clock.milliseconds {
                summary = try dataset.load(into: db) { line in
                    if Date().timeIntervalSince(lastPrint) > 5 { say("  loading: \(line)"); lastPrint = Date() }
                }
            }
            say(String(format: "loaded in %.1f s", loadMs / 1000))
        }
        // Start measuring on a freshly opened file, as the console would.
        try db.close()
        db = try AppDatabase.open(path: dbPath, timeZone: zone)
        let fileMB = Double((try? FileManager.default.attributesOfItem(atPath: dbPath)[.size] as? Int) ?? 0) / 1e6
        say(String(format: "database %.1f MB, %d probe customers", fileMB, summary.probes.count))

        let context = BenchContext(size: size, folder: folder, dbPath: dbPath, db: db, summary: summary,
                                   sqlite: SQLiteTool.find(), now: now, timeZone: zone, repetitions: repetitions)
        if context.sqlite == nil { say("sqlite3 not found: no baselines") }
        var rows: [ResultRow] = []
        for m in Measurements.available where only.map({ m.name.contains($0) }) ?? true {
            say("measuring \(m.name)…")
            rows += try m.measure(context)
        }
        say("")
        Table.print(rows, pending: Measurements.pending)
        try db.close()
    }
}

enum Machine {
    static var description: String {
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { $0.split(separator: ":", maxSplits: 1)[1].trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
        let memKB = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("MemTotal") }
            .flatMap { Double($0.split(separator: " ")[1]) } ?? 0
        let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?
            .split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
        return "\(ProcessInfo.processInfo.activeProcessorCount) cores, \(cpu), "
            + String(format: "%.0f GB", memKB / 1_048_576) + ", load average \(load)"
    }
}

/// Prints a progress line and flushes it, so it shows up at once even when the output goes to a file.
func say(_ line: String) {
    Swift.print(line)
    fflush(nil)
}

AdvisorBench.main()
