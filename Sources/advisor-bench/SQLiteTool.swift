import Foundation

/// The `sqlite3` command-line tool as the baseline: the same SQL on the same file, timed by the
/// tool itself (`.timer on`), so process start-up is not counted against it.
struct SQLiteTool {
    let executable: String

    static func find() -> SQLiteTool? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/sqlite3"
            if FileManager.default.isExecutableFile(atPath: path) { return SQLiteTool(executable: path) }
        }
        return nil
    }

    /// The tool's `.timer` has millisecond resolution, so each timed statement runs the query
    /// `copies` times (`SELECT count(*) FROM (q) UNION ALL …`, one line printed per copy) and the
    /// time is divided by `copies`. Returns `repetitions` per-query times in milliseconds.
    /// With `everyRow`, every row is produced and written to /dev/null instead of counted.
    func time(database: String, query sql: String, repetitions: Int, copies: Int = 20, everyRow: Bool = false) throws
        -> Samples {
        var script = everyRow ? ".timer on\n.output /dev/null\n" : ".timer on\n"
        let statement = Array(repeating: everyRow ? "SELECT * FROM (\(sql))" : "SELECT count(*) FROM (\(sql))",
                              count: copies).joined(separator: " UNION ALL ")
        for _ in 0..<repetitions { script += statement + ";\n" }
        let output = try run(arguments: ["-readonly", database], input: script)
        let times = output.split(separator: "\n").compactMap { line -> Double? in
            guard line.hasPrefix("Run Time: real ") else { return nil }
            return Double(line.dropFirst("Run Time: real ".count).split(separator: " ")[0]).map { $0 * 1000 / Double(copies) }
        }
        guard times.count == repetitions else { throw BenchError("sqlite3 gave \(times.count) timings:\n\(output)") }
        return Samples(values: times)
    }

    /// Wall time of a whole run of the tool (for `.import`, which `.timer` does not time).
    func wallMilliseconds(arguments: [String], input: String) throws -> Double {
        try Clock.milliseconds { _ = try run(arguments: arguments, input: input) }
    }

    @discardableResult
    func run(arguments: [String], input: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else { throw BenchError("sqlite3 failed: \(text)") }
        return text
    }

    /// A literal for `text` in SQL.
    static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
