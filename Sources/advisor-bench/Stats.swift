import Foundation

/// Wall-clock timing on the monotonic clock.
enum Clock {
    static func nowNanoseconds() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// Milliseconds `body` took.
    static func milliseconds(_ body: () throws -> Void) rethrows -> Double {
        let start = nowNanoseconds()
        try body()
        return Double(nowNanoseconds() - start) / 1e6
    }
}

/// Samples of one measurement, in its unit.
struct Samples {
    var values: [Double]

    var median: Double { percentile(50) }
    var p99: Double { percentile(99) }

    /// Nearest-rank percentile.
    func percentile(_ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count - 1, max(0, rank - 1))]
    }
}

/// One line of the result table.
struct ResultRow {
    var name: String
    var unit: String
    var samples: Samples
    /// The same work done by the `sqlite3` tool, in the same unit, when there is an equivalent.
    var baseline: Samples?
    /// The target as text, and whether the median (and p99 where named) meets it.
    var target: String = ""
    var met: Bool?
    var note: String = ""

    /// Our median over the baseline's (for rates, the baseline's over ours): above 1 is slower.
    var ratio: Double? {
        guard let b = baseline?.median, b > 0, samples.median > 0 else { return nil }
        return unit.hasSuffix("/s") ? b / samples.median : samples.median / b
    }
}

/// A measurement that cannot be taken yet, with the reason.
struct PendingMeasurement {
    var name: String
    var reason: String
}

enum Table {
    static func format(_ v: Double) -> String {
        if v.isNaN { return "-" }
        if v >= 10_000 { return String(format: "%.0f", v) }
        if v >= 100 { return String(format: "%.1f", v) }
        return String(format: "%.2f", v)
    }

    static func print(_ rows: [ResultRow], pending: [PendingMeasurement]) {
        let header = ["measurement", "unit", "n", "median", "p99", "sqlite3", "ratio", "target", "met"]
        var lines = [header]
        for r in rows {
            lines.append([
                r.name, r.unit, String(r.samples.values.count), format(r.samples.median), format(r.samples.p99),
                r.baseline.map { format($0.median) } ?? "-",
                r.ratio.map { String(format: "%.2fx", $0) } ?? "-",
                r.target.isEmpty ? "-" : r.target,
                r.met.map { $0 ? "yes" : "NO" } ?? "-",
            ])
        }
        var widths = [Int](repeating: 0, count: header.count)
        for line in lines { for (i, cell) in line.enumerated() { widths[i] = max(widths[i], cell.count) } }
        for (n, line) in lines.enumerated() {
            let cells = line.enumerated().map { i, cell in
                i < 2 ? cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                      : String(repeating: " ", count: widths[i] - cell.count) + cell
            }
            Swift.print(cells.joined(separator: "  "))
            if n == 0 { Swift.print(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
        }
        let notes = rows.filter { !$0.note.isEmpty }
        if !notes.isEmpty {
            Swift.print("\nnotes:")
            for r in notes { Swift.print("  \(r.name): \(r.note)") }
        }
        if !pending.isEmpty {
            Swift.print("\nnot measurable yet:")
            for p in pending { Swift.print("  \(p.name): \(p.reason)") }
        }
    }
}
