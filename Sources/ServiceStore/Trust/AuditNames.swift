import Foundation
import GRDB
import ServiceDomain

/// Turns the ids an audit detail holds (`owner_id: 5 → 15`) into what the shop calls those records
/// (the customer's name, the car's plate, the RO number, the staff member's name) for display.
/// The trail itself keeps the ids: names change, ids do not.
enum AuditNames {
    enum Kind: CaseIterable { case customer, staff, vehicle, repairOrder }

    /// What an id column points at; nil for columns that are not references.
    static func kind(entity: String, field: String) -> Kind? {
        switch field {
        case "customer_id": .customer
        // A car's owner is a customer; a complaint's owner is the staff member handling it.
        case "owner_id": entity == "vehicle" ? .customer : .staff
        case "vehicle_id": .vehicle
        case "repair_order_id", "earlier_repair_order_id", "later_repair_order_id": .repairOrder
        case "advisor_id", "technician_id", "inspector_id", "decided_by_id", "responsible_technician_id",
             "from_technician_id", "to_technician_id", "caller_id", "operator_id", "staff_id": .staff
        default: nil
        }
    }

    /// The reference columns of one detail with the ids they hold (old and new for an update).
    static func references(entity: String, detail: String) -> [(field: String, kind: Kind, id: Int64)] {
        guard let data = detail.data(using: .utf8),
              let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { return [] }
        var found: [(String, Kind, Int64)] = []
        for (field, value) in object {
            guard let kind = kind(entity: entity, field: field) else { continue }
            let values: [Any?] = (value as? [String: Any]).map { [$0["old"], $0["new"]] } ?? [value]
            for case let number as NSNumber in values.compactMap({ $0 }) { found.append((field, kind, number.int64Value)) }
        }
        return found
    }

    /// For each entry, `"field=id"` → name, for every reference found in its detail that still exists.
    static func resolve(_ db: Database, _ entries: [AuditEntry]) throws -> [[String: String]] {
        let refs = entries.map { references(entity: $0.entity, detail: $0.detail) }
        var names: [Kind: [Int64: String]] = [:]
        for kind in Kind.allCases {
            let ids = Set(refs.flatMap { $0.filter { $0.kind == kind }.map(\.id) })
            guard !ids.isEmpty else { continue }
            let list = ids.map(String.init).joined(separator: ",")
            let sql = switch kind {
            case .customer: "SELECT id, name FROM customer WHERE id IN (\(list))"
            case .staff: "SELECT id, name FROM staff WHERE id IN (\(list))"
            case .vehicle: "SELECT id, plate AS name FROM vehicle WHERE id IN (\(list))"
            case .repairOrder: "SELECT id, number AS name FROM repair_order WHERE id IN (\(list))"
            }
            var byID: [Int64: String] = [:]
            for row in try Row.fetchAll(db, sql: sql) {
                let name: String = row["name"]
                byID[row["id"]] = kind == .vehicle ? Plate.display(name) : name
            }
            names[kind] = byID
        }
        return refs.map { list in
            var resolved: [String: String] = [:]
            for ref in list { if let name = names[ref.kind]?[ref.id] { resolved["\(ref.field)=\(ref.id)"] = name } }
            return resolved
        }
    }
}
