import Foundation
import GRDB
import ServiceDomain

extension AppDatabase {
    /// The zone the shop's hours are in: the `shop.timezone` setting, else the one the store was opened with.
    public func shopTimeZone() throws -> TimeZone {
        try dbPool.read { db in try Self.shopTimeZone(db, fallback: timeZone) }
    }

    static func shopTimeZone(_ db: Database, fallback: TimeZone) throws -> TimeZone {
        try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'shop.timezone'")
            .flatMap(TimeZone.init(identifier:)) ?? fallback
    }

    /// The window the calls about this order follow (the customer's picked one, else their words).
    static func callWindow(_ db: Database, repairOrderID: RowID) throws -> CallWindow {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT c.call_window, c.preferred_call_time, ro.preferred_callback_time
            FROM repair_order ro JOIN customer c ON c.id = ro.customer_id WHERE ro.id = ?
            """, arguments: [repairOrderID]) else { return .anyTime }
        return CallWindow.effective(picked: row["call_window"], visitText: row["preferred_callback_time"],
                                    customerText: row["preferred_call_time"])
    }

    /// The due time of a call about `repairOrderID` that would fall at `at`: moved into the calling hours and
    /// the customer's window.
    static func callDue(_ db: Database, repairOrderID: RowID, at: Date, hours: CallingHours, fallbackZone: TimeZone)
        throws -> Date {
        CallScheduling.nextCallTime(atOrAfter: at, hours: hours, window: try callWindow(db, repairOrderID: repairOrderID),
                                    timeZone: try shopTimeZone(db, fallback: fallbackZone))
    }

    /// The customer's picked window ('' when never picked reads as `.anyTime`).
    public func callWindow(customerID: RowID) throws -> CallWindow {
        try dbPool.read { db in
            CallWindow(stored: try String.fetchOne(db, sql: "SELECT call_window FROM customer WHERE id = ?",
                                                   arguments: [customerID]) ?? "")
        }
    }

    /// Records the window the customer asked to be called in (audited, the customer's version bumped) and
    /// moves their open calls that are not yet due into it. Returns the calls moved.
    @discardableResult
    public func setCallWindow(customerID: RowID, window: CallWindow, operator op: Operator, now: Date) throws -> [Callback] {
        try Authorization.require(.callCustomer, roles: try roles(of: op))
        let hours = try followUpSettings().callingHours
        return try write { db in
            guard let old = try String.fetchOne(db, sql: "SELECT call_window FROM customer WHERE id = ?",
                                                arguments: [customerID]) else {
                throw StoreError.notFound(entity: "customer", id: customerID)
            }
            try db.execute(sql: "UPDATE customer SET call_window = ?, version = version + 1 WHERE id = ?",
                           arguments: [window.rawValue, customerID])
            try Audit.append(db, operator: op, at: now, action: "callWindow", entity: "customer", entityID: customerID,
                             detail: ["call_window": .change(old: old.databaseValue, new: window.rawValue.databaseValue)])
            let zone = try Self.shopTimeZone(db, fallback: timeZone)
            let open = try Persistence.records(Callback.self, db, sql: """
                SELECT cb.* FROM callback cb JOIN repair_order ro ON ro.id = cb.repair_order_id
                WHERE cb.status = 'open' AND ro.customer_id = ? ORDER BY cb.id
                """, arguments: [customerID])
            var moved: [Callback] = []
            for var callback in open {
                // An overdue call is made now, not pushed away.
                let next = FollowUpRules.nextCallAt(callback)
                guard next > now else { continue }
                let due = CallScheduling.nextCallTime(atOrAfter: next, hours: hours, window: window, timeZone: zone)
                guard due != next else { continue }
                if callback.nextTryAt != nil { callback.nextTryAt = due } else { callback.dueAt = due }
                moved.append(try saveVersioned(db, callback, operator: op, now: now).saved)
            }
            return moved
        }
    }
}
