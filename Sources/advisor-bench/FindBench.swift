import ConsoleApp
import ConsoleCore
import Foundation
import ScreenKit
import ServiceDomain
import ServiceStore
import ShopFixtures

/// Find-as-you-type through the real run loop over `TestBackend`: for each keystroke, the time from
/// the key being read to the finished frame (reduce, search effect, render, diff).
struct FindBench {
    let context: BenchContext

    /// What is typed for each kind of search, from a probe customer.
    static var kinds: [(name: String, fragment: (BulkProbe) -> String)] { [
        ("plate", { String($0.plate.dropFirst().prefix(5)) }),      // A1234 (without the province)
        ("phone", { $0.phone }),                                    // all 11 digits, as read out
        ("name (2 chars)", { String($0.name.prefix(2)) }),          // 王芳
        ("VIN (last 8)", { String($0.vin.suffix(8)) }),
    ] }

    func makeRuntime() -> (ConsoleRuntime, TestBackend) {
        let backend = TestBackend(size: Size(width: 120, height: 40))
        let state = AppState(language: .zhHans, shopName: DemoShop.shopName, operatorName: "bench",
                             now: context.now, timeZone: context.timeZone)
        let runtime = ConsoleRuntime(db: context.db, operator: Operator(staffID: nil, name: "bench"), terminal: backend,
                                     state: state)
        runtime.render()
        return (runtime, backend)
    }

    /// One key, read by the loop, to the finished frame.
    func press(_ key: Key, _ runtime: ConsoleRuntime, _ backend: TestBackend) -> Double {
        backend.enqueue(key)
        return Clock.milliseconds {
            runtime.step(timeoutMilliseconds: 0)
            runtime.render()
        }
    }

    /// The store's search alone (what each keystroke asks of the database: candidates, then the hits'
    /// names, phones and vehicles), against `sqlite3` doing the same reads.
    func queryRow(kind: String, prefixes: [String]) throws -> ResultRow {
        var ours: [Double] = []
        for prefix in prefixes {
            for _ in 0..<3 { ours.append(try Clock.milliseconds { _ = try context.db.search(prefix, limit: Self.limit) }) }
        }
        let baseline = try context.sqlite.map { tool in
            var pooled: [Double] = []
            for prefix in prefixes {
                pooled += try tool.time(database: context.dbPath, query: SearchSQL.withHits(prefix, limit: Self.limit),
                                        repetitions: 3).values
            }
            return Samples(values: pooled)
        }
        let s = Samples(values: ours)
        var row = ResultRow(name: "query: \(kind) search", unit: "ms", samples: s, baseline: baseline,
                            target: "within 2x")
        row.met = row.ratio.map { $0 <= 2 }
        return row
    }

    /// Long digit runs shortened to their first three and a count, as the console masks phones.
    static func masked(_ typed: String) -> String {
        typed.count > 4 && typed.allSatisfy(\.isNumber) ? String(typed.prefix(3)) + "…(\(typed.count))" : typed
    }

    /// As many customers as the Find panel asks for.
    static let limit = 200

    func run() throws -> [ResultRow] {
        let (runtime, backend) = makeRuntime()
        let probes = Array(context.summary.probes.prefix(context.repetitions))
        // One untimed probe per kind first, typed with a customer not measured: the figures are of a console
        // that has been searching for a while (the SQLite and OS caches hold the index pages), not of the
        // day's first search after the machine started, which reads from disk.
        for probe in context.summary.probes.dropFirst(context.repetitions).prefix(1) {
            for kind in Self.kinds {
                for ch in kind.fragment(probe) { _ = press(.character(ch), runtime, backend) }
                _ = press(.escape, runtime, backend)
            }
        }
        var rows: [ResultRow] = []
        var all: [Double] = []
        var slowest: [(ms: Double, typed: String)] = []
        for kind in Self.kinds {
            var samples: [Double] = []
            var prefixes: [String] = []
            for probe in probes {
                let fragment = kind.fragment(probe)
                var typed = ""
                for ch in fragment {
                    typed.append(ch)
                    let ms = press(.character(ch), runtime, backend)
                    samples.append(ms)
                    slowest.append((ms, typed))
                    if prefixes.count < 40 { prefixes.append(typed) }
                }
                _ = press(.escape, runtime, backend)
            }
            all += samples
            let s = Samples(values: samples)
            rows.append(ResultRow(name: "find: \(kind.name), per key", unit: "ms", samples: s,
                                  target: "<5 / p99<16", met: s.median < 5 && s.p99 < 16))
            rows.append(try queryRow(kind: kind.name, prefixes: prefixes))
        }
        let total = Samples(values: all)
        // Which keystrokes were slowest (text typed so far; masked digits: the probes are generated people).
        let worst = slowest.sorted { $0.ms > $1.ms }.prefix(6)
            .map { Self.masked($0.typed) + String(format: " %.1f", $0.ms) }.joined(separator: ", ")
        rows.append(ResultRow(name: "find: all keystrokes", unit: "ms", samples: total, target: "<5 / p99<16",
                              met: total.median < 5 && total.p99 < 16, note: "slowest: " + worst))

        // Opening the customer card from a plate search, and what the terminal is sent.
        var card: [Double] = []
        var moveBytes: [Double] = []
        var redrawBytes: [Double] = []
        for probe in probes.prefix(10) {
            for ch in String(probe.name.prefix(1)) { _ = press(.character(ch), runtime, backend) }
            _ = press(.down, runtime, backend)
            moveBytes.append(Double(backend.bytesPerDraw.last ?? 0))
            _ = press(.ctrl("l"), runtime, backend)
            redrawBytes.append(Double(backend.bytesPerDraw.last ?? 0))
            _ = press(.escape, runtime, backend)
            for ch in probe.plate.dropFirst() { _ = press(.character(ch), runtime, backend) }
            card.append(press(.enter, runtime, backend))
            _ = press(.escape, runtime, backend)
            _ = press(.escape, runtime, backend)
        }
        let cardSamples = Samples(values: card)
        rows.append(ResultRow(name: "find: open customer card", unit: "ms", samples: cardSamples, target: "<16",
                              met: cardSamples.median < 16))
        let move = Samples(values: moveBytes)
        rows.append(ResultRow(name: "bytes: selection one row (120x40)", unit: "bytes", samples: move,
                              target: "<1024", met: move.p99 < 1024))
        rows.append(ResultRow(name: "bytes: full redraw (120x40)", unit: "bytes", samples: Samples(values: redrawBytes),
                              note: "TestBackend estimate of what ncurses sends (cursor moves, attributes, glyphs)"))
        return rows
    }
}

/// The store's search candidate queries (Sources/ServiceStore/Search/Search.swift), with the text as literals,
/// for the `sqlite3` baseline: the store's own SQL and its own shaping of the typed text (`SearchQuery`).
enum SearchSQL {
    /// The candidates (found once) and the three reads that load the hits (`loadHits`), as one statement.
    static func withHits(_ raw: String, limit: Int) -> String {
        """
        WITH ids AS MATERIALIZED (SELECT customer_id FROM (\(candidates(raw, limit: limit))))
        SELECT id, name AS value FROM customer WHERE id IN ids
        UNION ALL SELECT customer_id, phone FROM customer_phone WHERE customer_id IN ids
        UNION ALL SELECT id, plate FROM vehicle WHERE owner_id IN ids
        """
    }

    static func candidates(_ raw: String, limit: Int) -> String {
        let query = SearchQuery(raw)
        let q = SQLiteTool.quote
        var parts: [String] = []
        if !query.fullTextTerms.isEmpty {
            parts.append(AppDatabase.fullTextQuery
                .replacingOccurrences(of: ":key", with: q(query.key))
                .replacingOccurrences(of: ":digits", with: query.digits.map(q) ?? "NULL")
                .replacingOccurrences(of: ":text", with: q(query.text))
                .replacingOccurrences(of: ":match", with: q(query.match))
                .replacingOccurrences(of: ":scan", with: String(query.scanLimit(limit)))
                .replacingOccurrences(of: ":limit", with: String(limit)))
        }
        for gram in query.shortGrams { parts.append(SearchSQL.short(gram: gram, limit: limit)) }
        return parts.map { "SELECT * FROM (\($0))" }.joined(separator: " UNION ALL ")
    }
}

extension SearchSQL {
    /// One or two characters: the short-piece index, read in result order.
    static func short(gram: String, limit: Int) -> String {
        ShortSearchSchema.query
            .replacingOccurrences(of: ":gram", with: SQLiteTool.quote(gram))
            .replacingOccurrences(of: ":limit", with: String(limit))
    }
}
