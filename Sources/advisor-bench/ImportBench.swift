import Foundation
import ServiceStore

/// The customer/vehicle CSV of the dataset (the console's own export), imported into an empty
/// database through the console's import, against `sqlite3`'s `.import` of the same file.
struct ImportBench {
    let context: BenchContext

    func run() throws -> [ResultRow] {
        let csv = context.folder.appendingPathComponent("customers.csv")
        try context.db.exportCustomersAndVehicles(to: csv)
        let rows = try Data(contentsOf: csv).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } - 1
        let repetitions = context.size == .small ? 3 : 1
        var rates: [Double] = []
        for i in 0..<repetitions {
            let path = context.folder.appendingPathComponent("import-\(i).db").path
            let db = try AppDatabase.open(path: path, timeZone: context.timeZone)
            let ms = try Clock.milliseconds {
                _ = try db.importCustomersAndVehicles(from: csv, operator: Operator(staffID: nil, name: "bench"),
                                                      now: context.now)
            }
            try db.close()
            rates.append(Double(rows) / (ms / 1000))
            try? FileManager.default.removeItem(atPath: path)
        }
        var baseline: Samples?
        if let tool = context.sqlite {
            var toolRates: [Double] = []
            for i in 0..<3 {
                let path = context.folder.appendingPathComponent("tool-\(i).db").path
                let ms = try tool.wallMilliseconds(arguments: [path], input: """
                    CREATE TABLE import (name, phones, out_of_warranty, used_car, plate, vin, model, purchase_date,
                                         warranty_end_date, warranty_end_km, notes, customer_since, customer_type);
                    .import --csv --skip 1 \(csv.path) import

                    """)
                toolRates.append(Double(rows) / (ms / 1000))
                try? FileManager.default.removeItem(atPath: path)
            }
            baseline = Samples(values: toolRates)
        }
        let s = Samples(values: rates)
        let ratio = baseline.map { $0.median / s.median } ?? .nan
        var sameWork = ResultRow(name: "CSV import vs sqlite3 inserting the same rows", unit: "rows/s", samples: s,
                                 baseline: try sameInserts(csv: csv, rows: rows), target: "within 2x")
        sameWork.met = sameWork.ratio.map { $0 <= 2 }
        sameWork.note = ".import into a staging table, then set-wise INSERTs of the customers, phones and vehicles "
            + "into the console's schema with its triggers (no validation, matching or audit)"
        return [ResultRow(name: "CSV import (\(rows) rows)", unit: "rows/s", samples: s, baseline: baseline,
                          target: "within 2x of .import", met: baseline == nil ? nil : ratio <= 2,
                          note: "the console's import validates every cell, matches phones, plates and VINs, "
                              + "audits each change to a stored record and sums up the new ones in one audit row, "
                              + "and keeps both search indexes; .import only copies text into one table"),
                sameWork]
    }

    /// `sqlite3` doing the import's writes without its checks: the file into a staging table, then one
    /// INSERT per table into an empty database with the console's schema (so the same search triggers
    /// fire, in the same order: phones and vehicles, then their customer).
    func sameInserts(csv: URL, rows: Int) throws -> Samples? {
        guard let tool = context.sqlite else { return nil }
        var rates: [Double] = []
        for i in 0..<3 {
            let path = context.folder.appendingPathComponent("same-\(i).db").path
            try AppDatabase.open(path: path, timeZone: context.timeZone).close()
            let ms = try tool.wallMilliseconds(arguments: [path], input: """
                CREATE TEMP TABLE import (name, phones, out_of_warranty, used_car, plate, vin, model, purchase_date,
                                          warranty_end_date, warranty_end_km, notes, customer_since, customer_type);
                .import --csv --skip 1 --schema temp \(csv.path) import
                BEGIN;
                PRAGMA defer_foreign_keys = ON;
                CREATE TEMP TABLE owner AS
                    SELECT phones, MIN(rowid) AS id, MIN(name) AS name, MAX(out_of_warranty) AS oow,
                           MAX(used_car) AS used, MAX(notes) AS notes
                    FROM temp.import GROUP BY phones;
                INSERT INTO customer_phone (customer_id, phone, position)
                    SELECT o.id, j.value, j.key FROM temp.owner o, json_each('["' || replace(o.phones, ';', '","') || '"]') j;
                INSERT INTO vehicle (owner_id, plate, vin, model, purchase_date, warranty_end_date, warranty_end_km)
                    SELECT o.id, i.plate, NULLIF(i.vin, ''), i.model, NULLIF(i.purchase_date, ''),
                           NULLIF(i.warranty_end_date, ''), NULLIF(i.warranty_end_km, '')
                    FROM temp.import i JOIN temp.owner o ON o.phones = i.phones WHERE i.plate <> '';
                INSERT INTO customer (id, name, is_out_of_warranty_owner, is_used_car_owner, notes)
                    SELECT id, name, oow, used, notes FROM temp.owner ORDER BY id;
                COMMIT;
                SELECT CASE WHEN (SELECT COUNT(*) FROM vehicle) > 0 THEN 'ok' ELSE 'no vehicles' END;

                """)
            rates.append(Double(rows) / (ms / 1000))
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        return Samples(values: rates)
    }
}
