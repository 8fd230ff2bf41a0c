import Foundation
import GRDB
import ServiceDomain

extension Customer: VersionedRecord {
    static let table = "customer"

    /// Phones live in `customer_phone`; callers load them with `CustomerPhones.load`.
    init(row: Row) throws {
        self.init(
            id: try row.decode(forColumn: "id"),
            name: try row.decode(forColumn: "name"),
            phones: [],
            isOutOfWarrantyOwner: try row.decode(forColumn: "is_out_of_warranty_owner"),
            isUsedCarOwner: try row.decode(forColumn: "is_used_car_owner"),
            contactPreference: try row.enumValue("contact_preference", in: Self.table),
            preferredCallTime: try row.decode(forColumn: "preferred_call_time"),
            notes: try row.decode(forColumn: "notes"),
            customerSince: try row.decode(forColumn: "customer_since"),
            kind: try row.optionalEnumValue("customer_type", in: Self.table),
            version: try row.decode(forColumn: "version"))
    }

    var columns: [(String, DatabaseValue)] {
        [
            ("name", dbValue(name)),
            ("is_out_of_warranty_owner", dbValue(isOutOfWarrantyOwner)),
            ("is_used_car_owner", dbValue(isUsedCarOwner)),
            ("contact_preference", dbValue(contactPreference.rawValue)),
            ("preferred_call_time", dbValue(preferredCallTime)),
            ("notes", dbValue(notes)),
            ("customer_since", dbValue(customerSince)),
            ("customer_type", dbValue(kind?.rawValue)),
        ]
    }
}

enum CustomerPhones {
    static func load(_ db: Database, customerID: RowID) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT phone FROM customer_phone WHERE customer_id = ? ORDER BY position",
                            arguments: [customerID])
    }

    static func loadAll(_ db: Database, customerIDs: [RowID]) throws -> [RowID: [String]] {
        guard !customerIDs.isEmpty else { return [:] }
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT customer_id, phone FROM customer_phone
            WHERE customer_id IN (SELECT value FROM json_each(?)) ORDER BY customer_id, position
            """), arguments: [IDList.json(customerIDs)])
        var result: [RowID: [String]] = [:]
        while let row = try rows.next() {
            result[row[0], default: []].append(row[1])
        }
        return result
    }

    static func replace(_ db: Database, customerID: RowID, phones: [String]) throws {
        try db.execute(sql: "DELETE FROM customer_phone WHERE customer_id = ?", arguments: [customerID])
        for (position, phone) in phones.enumerated() {
            try db.execute(sql: "INSERT INTO customer_phone (customer_id, phone, position) VALUES (?, ?, ?)",
                           arguments: [customerID, phone, position])
        }
    }

    static func customer(_ db: Database, id: RowID) throws -> Customer? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM customer WHERE id = ?", arguments: [id]) else {
            return nil
        }
        var customer = try Customer(row: row)
        customer.phones = try load(db, customerID: id)
        return customer
    }
}

extension Staff: VersionedRecord {
    static let table = "staff"

    init(row: Row) throws {
        let rolesText: String = try row.decode(forColumn: "roles")
        var roles: Set<Role> = []
        for raw in rolesText.split(separator: ",") {
            guard let role = Role(rawValue: String(raw)) else {
                throw StoreError.unreadableValue(table: Self.table, column: "roles", value: String(raw))
            }
            roles.insert(role)
        }
        self.init(
            id: try row.decode(forColumn: "id"),
            login: try row.decode(forColumn: "login"),
            name: try row.decode(forColumn: "name"),
            roles: roles,
            skillLevel: try row.decode(forColumn: "skill_level"),
            isActive: try row.decode(forColumn: "is_active"),
            version: try row.decode(forColumn: "version"))
    }

    /// `pin_hash` is deliberately absent: a profile save must never touch the PIN.
    var columns: [(String, DatabaseValue)] {
        [
            ("login", dbValue(login)),
            ("name", dbValue(name)),
            ("roles", dbValue(roles.sorted().map(\.rawValue).joined(separator: ","))),
            ("skill_level", dbValue(skillLevel)),
            ("is_active", dbValue(isActive)),
        ]
    }
}

/// A list of ids as one JSON array argument (`IN (SELECT value FROM json_each(?))`): the SQL text stays
/// the same whatever the count, so its prepared statement is reused instead of parsed on every read.
enum IDList {
    static func json(_ ids: [RowID]) -> String {
        "[" + ids.map(String.init).joined(separator: ",") + "]"
    }
}
