import Foundation
import ServiceStore

/// The dataset's repair orders exported as an old system's history file, imported into an empty database
/// through `importHistory` (both passes, the writes in paced batches, the comeback pass), against `sqlite3`
/// inserting the same rows into the same schema (its indexes and search triggers) by set-wise INSERTs; with
/// the import's peak memory and the comeback pass on its own.
struct HistoryBench {
    let context: BenchContext

    func run() throws -> [ResultRow] {
        let csv = context.folder.appendingPathComponent("history.csv")
        let rows = try context.db.exportHistory(to: csv)
        let fileMB = Double((try? FileManager.default.attributesOfItem(atPath: csv.path)[.size] as? Int) ?? 0) / 1e6
        say(String(format: "  history file: %d orders, %.1f MB", rows, fileMB))
        var rates: [Double] = [], peaks: [Double] = [], passes: [Double] = []
        let repetitions = context.size == .small ? 3 : 1
        for i in 0..<repetitions {
            let path = context.folder.appendingPathComponent("history-\(i).db").path
            let db = try AppDatabase.open(path: path, timeZone: context.timeZone)
            Memory.resetPeak()
            let op = Operator(staffID: nil, name: "bench")
            var report = HistoryImportReport()
            let ms = try Clock.milliseconds {
                report = try db.importHistory(from: csv, operator: op, now: context.now)
            }
            peaks.append(Memory.peakMB())
            rates.append(Double(rows) / (ms / 1000))
            say(String(format: "  imported %d orders in %.1f s, %d comeback candidates, %d suspect readings",
                       report.ordersCreated, ms / 1000, report.comebackCandidates, report.suspectReadings))
            // The comeback pass again over every order (the same reads and judgements; the pairs exist already).
            let ids = try db.allRepairOrderIDs()
            passes.append(try Clock.milliseconds { _ = try db.recordHistoryComebacks(orderIDs: ids, operator: op, now: context.now) })
            try db.close()
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let s = Samples(values: rates)
        var importRow = ResultRow(name: "history import (\(rows) orders)", unit: "rows/s", samples: s,
                                  baseline: try sameInserts(csv: csv, rows: rows), target: "within 2x")
        importRow.met = importRow.ratio.map { $0 <= 2 }
        importRow.note = "sqlite3: .import into a staging table, then one INSERT per table (customers, phones, cars, orders, "
            + "external numbers, concerns, lines, stages, readings) into the console's schema, no checks"
        return [
            importRow,
            ResultRow(name: "history import peak memory (VmHWM after a reset)", unit: "MB", samples: Samples(values: peaks),
                      target: "<200", met: Samples(values: peaks).median < 200,
                      note: "the import's own peak: /proc/self/clear_refs reset before it"),
            ResultRow(name: "comeback pass over every order", unit: "ms", samples: Samples(values: passes),
                      target: "<30 s at large", met: nil, note: "read car by car, judged as at check-in"),
        ]
    }

    func sameInserts(csv: URL, rows: Int) throws -> Samples? {
        guard let tool = context.sqlite else { return nil }
        var rates: [Double] = []
        for i in 0..<(context.size == .small ? 3 : 1) {
            let path = context.folder.appendingPathComponent("history-same-\(i).db").path
            try AppDatabase.open(path: path, timeZone: context.timeZone).close()
            let ms = try tool.wallMilliseconds(arguments: [path], input: """
                .import --csv --schema temp \(csv.path) import
                BEGIN;
                PRAGMA defer_foreign_keys = ON;
                CREATE TEMP TABLE car AS SELECT plate, MIN(rowid) AS id, MIN(vin) AS vin, MIN(model) AS model,
                    MIN(customer_name) AS name, MIN(phone) AS phone FROM temp.import GROUP BY plate;
                INSERT INTO customer_phone (customer_id, phone, position) SELECT id, phone, 0 FROM temp.car;
                INSERT INTO vehicle (id, owner_id, plate, vin, model) SELECT id, id, plate, NULLIF(vin, ''), model FROM temp.car;
                INSERT INTO customer (id, name) SELECT id, name FROM temp.car ORDER BY id;
                INSERT INTO repair_order (id, number, customer_id, vehicle_id, service_type, repair_class, stage, opened_at,
                                          promised_at, closed_at, mileage_in, fuel_level, contact_phone, estimate_labour,
                                          estimate_parts, final_labour, final_parts)
                    SELECT i.rowid, 'H-' || i.rowid, c.id, c.id, i.service_type, i.repair_class,
                           CASE i.status WHEN 'closed' THEN 'delivered' WHEN 'cancelled' THEN 'cancelled'
                                WHEN 'open' THEN 'checkedIn' WHEN 'waiting parts' THEN 'waitingParts' ELSE 'inProgress' END,
                           i.opened_at, COALESCE(NULLIF(i.promised_at, ''), i.opened_at), NULLIF(i.closed_at, ''), i.mileage_km,
                           'half', i.phone, CAST(round(i.labour_amount * 100) AS INTEGER), CAST(round(i.parts_amount * 100) AS INTEGER),
                           CAST(round(i.labour_amount * 100) AS INTEGER), CAST(round(i.parts_amount * 100) AS INTEGER)
                    FROM temp.import i JOIN temp.car c ON c.plate = i.plate;
                INSERT INTO repair_order_external (repair_order_id, external_number) SELECT rowid, ro_number FROM temp.import;
                INSERT INTO concern (repair_order_id, text, category) SELECT rowid, concern, category FROM temp.import;
                INSERT INTO job (repair_order_id, description, status, labour, parts)
                    SELECT rowid, concern, 'done', CAST(round(labour_amount * 100) AS INTEGER), CAST(round(parts_amount * 100) AS INTEGER)
                    FROM temp.import;
                INSERT INTO stage_change (repair_order_id, to_stage, at) SELECT rowid, 'checkedIn', opened_at FROM temp.import;
                INSERT INTO stage_change (repair_order_id, from_stage, to_stage, at)
                    SELECT rowid, 'checkedIn', 'delivered', closed_at FROM temp.import WHERE closed_at <> '';
                INSERT INTO mileage_reading (vehicle_id, km, read_at, source)
                    SELECT c.id, i.mileage_km, i.opened_at, 'imported' FROM temp.import i JOIN temp.car c ON c.plate = i.plate;
                COMMIT;
                SELECT CASE WHEN (SELECT COUNT(*) FROM repair_order) = \(rows) THEN 'ok' ELSE 'missing orders' END;

                """)
            rates.append(Double(rows) / (ms / 1000))
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        return Samples(values: rates)
    }
}

enum Memory {
    /// Resets the process's peak resident size (Linux: `5` into clear_refs), so VmHWM is this step's peak.
    static func resetPeak() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    static func peakMB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kb = Double(line.split(separator: " ", omittingEmptySubsequences: true)[1]) else { return .nan }
        return kb / 1024
    }
}
