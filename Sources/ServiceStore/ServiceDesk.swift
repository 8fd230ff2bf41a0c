import Foundation
import GRDB
import ServiceDomain

/// The console's writes, one method per business action (check a car in, deliver it, record a call …),
/// after the GRDB demo's AppDatabase: each method is one invariant-preserving transaction that first
/// checks, inside it, that the operator may do the action (roles read in the same transaction, so a role
/// taken away a moment ago already refuses). The steps it is made of (`createRepairOrder`,
/// `recordStageChange` …) stay on `AppDatabase` for setup, imports and fixtures, which have no operator
/// to check; called from here they join the action's transaction (`AppDatabase.write`).
public struct ServiceDesk: Sendable {
    public let db: AppDatabase
    public let `operator`: Operator

    public init(db: AppDatabase, operator: Operator) {
        self.db = db
        self.operator = `operator`
    }

    /// One business action: a transaction whose first statement reads the operator's roles.
    func action<T>(_ permission: Permission, _ body: (Database) throws -> T) throws -> T {
        try db.write { tx in
            try db.authorize(tx, permission, `operator`)
            return try body(tx)
        }
    }
}

extension AppDatabase {
    /// The roles of `op`, read inside the caller's transaction.
    func roles(_ db: Database, of op: Operator) throws -> Set<Role> {
        guard let id = op.staffID, let staff = try Persistence.fetch(Staff.self, db, id: id), staff.isActive else { return [] }
        return staff.roles
    }

    /// `authorize`, inside the caller's transaction.
    func authorize(_ db: Database, _ permission: Permission, _ op: Operator) throws {
        try Authorization.require(permission, roles: roles(db, of: op))
    }
}
