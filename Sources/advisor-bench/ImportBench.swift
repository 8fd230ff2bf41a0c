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
                                         warranty_end_date, warranty_end_km, notes);
                    .import --csv --skip 1 \(csv.path) import

                    """)
                toolRates.append(Double(rows) / (ms / 1000))
                try? FileManager.default.removeItem(atPath: path)
            }
            baseline = Samples(values: toolRates)
        }
        let s = Samples(values: rates)
        let ratio = baseline.map { $0.median / s.median } ?? .nan
        return [ResultRow(name: "CSV import (\(rows) rows)", unit: "rows/s", samples: s, baseline: baseline,
                          target: "within 2x of .import", met: baseline == nil ? nil : ratio <= 2,
                          note: "the console's import validates every cell, matches phones, plates and VINs, "
                              + "audits each change to a stored record and sums up the new ones in one audit row, "
                              + "and keeps the full-text search index; .import only copies text into one table")]
    }
}
