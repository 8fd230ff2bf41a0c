import Foundation
import GRDB
import ServiceDomain

extension AppDatabase {
    /// The comeback pass after a history import: the cars of `orderIDs` read car by car (one cursor over
    /// their orders, their concerns' categories per car), each of these orders judged as check-in judges a
    /// new visit (`ComebackHistory`), and the candidates recorded as check-in records them (`upsertCandidate`:
    /// a pair already on file is left alone, a follow-up flag waiting for the car's return is linked), with
    /// source `.historyImport`, in paced batches. Returns how many were added or linked.
    @discardableResult
    public func recordHistoryComebacks(orderIDs: [RowID], operator op: Operator, now: Date) throws -> Int {
        guard !orderIDs.isEmpty else { return 0 }
        let settings = try comebackSettings()
        let later = Set(orderIDs)
        let pairs: [(earlier: RowID, later: RowID)] = try dbPool.read { db in
            var vehicles: Set<RowID> = []
            for chunk in orderIDs.chunked(5_000) {
                try RowID.fetchCursor(db, sql: """
                    SELECT DISTINCT vehicle_id FROM repair_order WHERE id IN (SELECT value FROM json_each(?))
                    """, arguments: [IDList.json(Array(chunk))]).forEach { vehicles.insert($0) }
            }
            var pairs: [(earlier: RowID, later: RowID)] = []
            var car: [HistoryVisit] = []
            func judge() throws {
                guard !car.isEmpty else { return }
                let categories = try categoriesByOrder(db, car.map(\.repairOrderID))
                for i in car.indices { car[i].categories = categories[car[i].repairOrderID] ?? [] }
                pairs += ComebackHistory.candidates(car, settings: settings, isLater: later.contains)
                car.removeAll(keepingCapacity: true)
            }
            for chunk in vehicles.sorted().chunked(2_000) {
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT id, vehicle_id, repair_class, stage, opened_at, closed_at, mileage_in FROM repair_order
                    WHERE vehicle_id IN (SELECT value FROM json_each(?)) ORDER BY vehicle_id, opened_at, id
                    """, arguments: [IDList.json(Array(chunk))])
                while let row = try rows.next() {
                    let vehicleID: RowID = row["vehicle_id"]
                    if let current = car.first?.vehicleID, current != vehicleID { try judge() }
                    car.append(HistoryVisit(
                        repairOrderID: row["id"], vehicleID: vehicleID,
                        repairClass: try row.enumValue("repair_class", in: RepairOrder.table),
                        stage: try row.enumValue("stage", in: RepairOrder.table), openedAt: row["opened_at"],
                        closedAt: row["closed_at"], mileage: row["mileage_in"], categories: []))
                }
                try judge()
            }
            return pairs
        }
        var recorded = 0
        for chunk in pairs.chunked(Self.importBatchRows) {
            try Self.paced {
                try write { db in
                    for pair in chunk where try upsertCandidate(db, earlierID: pair.earlier, laterID: pair.later,
                                                                source: .historyImport, operator: op, now: now) != nil {
                        recorded += 1
                    }
                }
            }
        }
        return recorded
    }
}
