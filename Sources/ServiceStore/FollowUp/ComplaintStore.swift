import Foundation
import GRDB
import ServiceDomain

extension AppDatabase {
    /// Open complaints (oldest first), then those closed in the last `closedDays`.
    public func complaintRows(now: Date, closedDays: Int = 7) throws -> [ComplaintRow] {
        let since = now.addingTimeInterval(-Double(closedDays) * 86_400)
        return try dbPool.read { db in
            let open = try Persistence.fetchAll(Complaint.self, db, where: "step <> 'closed' ORDER BY opened_at, id")
            let closed = try Persistence.fetchAll(Complaint.self, db, where: "step = 'closed' AND closed_at >= ? ORDER BY closed_at DESC, id",
                                                  arguments: [since])
            return try (open + closed).map { try Self.complaintRow(db, $0) }
        }
    }

    public func complaintRow(id: RowID) throws -> ComplaintRow? {
        try dbPool.read { db in try Persistence.fetch(Complaint.self, db, id: id).map { try Self.complaintRow(db, $0) } }
    }

    /// The step history with the names of those who recorded each step.
    public func complaintHistory(complaintID: RowID) throws -> [ComplaintStepRecord] {
        let events = try complaintEvents(complaintID: complaintID)
        return try dbPool.read { db in
            try events.map { e in
                ComplaintStepRecord(at: e.at, step: e.step,
                                    operatorName: try e.operatorID.flatMap { try Persistence.fetch(Staff.self, db, id: $0)?.name } ?? "",
                                    note: e.note)
            }
        }
    }

    static func complaintRow(_ db: Database, _ c: Complaint) throws -> ComplaintRow {
        let customer = try CustomerPhones.customer(db, id: c.customerID)
        let order = try c.repairOrderID.flatMap { try Persistence.fetch(RepairOrder.self, db, id: $0) }
        let vehicle = try order.flatMap { try Persistence.fetch(Vehicle.self, db, id: $0.vehicleID) }
        let owner = try c.ownerID.flatMap { try Persistence.fetch(Staff.self, db, id: $0) }
        return ComplaintRow(complaint: c, customerName: customer?.name ?? "", phone: customer?.primaryPhone ?? "",
                            plate: vehicle?.plate ?? "", roNumber: order?.number ?? "", ownerName: owner?.name ?? "")
    }

    /// A complaint taken on the phone, at the counter or online (from the customer card). The person
    /// taking it owns it. Linked to the latest order of `vehicleID` (the car the customer named), else of
    /// the customer, when `repairOrderID` is nil; a car never serviced here links to no order.
    public func openComplaint(customerID: RowID, repairOrderID: RowID?, vehicleID: RowID? = nil, category: ComplaintCategory,
                              channel: ComplaintChannel, description: String, operator op: Operator, now: Date) throws -> Complaint {
        try Authorization.require(.handleComplaint, roles: try roles(of: op))
        return try write { db in
            guard try CustomerPhones.customer(db, id: customerID) != nil else {
                throw StoreError.notFound(entity: "customer", id: customerID)
            }
            let latest: RowID? = if let vehicleID {
                try RowID.fetchOne(db, sql: "SELECT id FROM repair_order WHERE customer_id = ? AND vehicle_id = ? ORDER BY opened_at DESC, id DESC LIMIT 1",
                                   arguments: [customerID, vehicleID])
            } else {
                try RowID.fetchOne(db, sql: "SELECT id FROM repair_order WHERE customer_id = ? ORDER BY opened_at DESC, id DESC LIMIT 1",
                                   arguments: [customerID])
            }
            let c = ComplaintRules.open(customerID: customerID, repairOrderID: repairOrderID ?? latest, category: category,
                                        channel: channel, description: description, ownerID: op.staffID, now: now)
            return try insertComplaint(db, c, note: "", operator: op, now: now)
        }
    }

    /// Records the next step with its note. Closing sets the resolution and schedules the confirmation call.
    public func advanceComplaint(id: RowID, version: Int, to step: ComplaintStep, note: String,
                                 closing: ComplaintClosing? = nil, category: ComplaintCategory? = nil,
                                 operator op: Operator, now: Date) throws -> ComplaintChange {
        let roles = try roles(of: op)
        try Authorization.require(.handleComplaint, roles: roles)
        let cleanNote = try FreeText.clean(note, field: .notes, maxLength: 500)
        let cleanClosing: ComplaintClosing? = try closing.map {
            if case .reason(let r) = $0 { return .reason(try FreeText.clean(r, field: .reason, maxLength: 200)) }
            return $0
        }
        let settings = try followUpSettings()
        return try write { db in
            guard let stored = try Persistence.fetch(Complaint.self, db, id: id) else {
                throw StoreError.notFound(entity: Complaint.table, id: id)
            }
            guard stored.version == version else { throw try conflictError(db, entity: Complaint.table, id: id) }
            let next = try ComplaintRules.advance(stored, to: step, note: cleanNote, closing: cleanClosing, category: category,
                                                  operatorID: op.staffID, roles: roles, now: now)
            let saved = try saveVersioned(db, next, operator: op, now: now).saved
            try Self.appendComplaintEvent(db, saved, note: cleanNote, operator: op, now: now)
            var confirmation: Callback?
            if step == .closed, let roID = saved.repairOrderID {
                confirmation = try saveVersioned(db, FollowUpRules.confirmationCallback(
                                                     repairOrderID: roID, resolvedAt: now, settings: settings,
                                                     window: try Self.callWindow(db, repairOrderID: roID),
                                                     timeZone: try Self.shopTimeZone(db, fallback: timeZone)),
                                                 operator: op, now: now).saved
            }
            return ComplaintChange(complaint: saved, confirmationCallback: confirmation)
        }
    }

    /// The first person to take an unowned complaint owns it.
    public func takeComplaint(id: RowID, version: Int, operator op: Operator, now: Date) throws -> Complaint {
        try Authorization.require(.handleComplaint, roles: try roles(of: op))
        guard let me = op.staffID else { throw ComplaintError.notOwner }
        return try write { db in
            guard let stored = try Persistence.fetch(Complaint.self, db, id: id) else {
                throw StoreError.notFound(entity: Complaint.table, id: id)
            }
            guard stored.version == version else { throw try conflictError(db, entity: Complaint.table, id: id) }
            return try saveVersioned(db, try ComplaintRules.take(stored, operatorID: me), operator: op, now: now).saved
        }
    }

    /// Hands the complaint to `newOwnerID` with a note for them (kept in the step history).
    public func handOverComplaint(id: RowID, version: Int, to newOwnerID: RowID, note: String, operator op: Operator,
                                  now: Date) throws -> Complaint {
        let roles = try roles(of: op)
        try Authorization.require(.handleComplaint, roles: roles)
        let cleanNote = try FreeText.clean(note, field: .notes, maxLength: 500)
        return try write { db in
            guard let stored = try Persistence.fetch(Complaint.self, db, id: id) else {
                throw StoreError.notFound(entity: Complaint.table, id: id)
            }
            guard stored.version == version else { throw try conflictError(db, entity: Complaint.table, id: id) }
            guard let newOwner = try Persistence.fetch(Staff.self, db, id: newOwnerID), newOwner.isActive else {
                throw StoreError.notFound(entity: "staff", id: newOwnerID)
            }
            let next = try ComplaintRules.handOver(stored, to: newOwnerID, note: cleanNote, operatorID: op.staffID, roles: roles)
            let saved = try saveVersioned(db, next, operator: op, now: now).saved
            try Self.appendComplaintEvent(db, saved, note: "→ \(newOwner.name): \(cleanNote)", operator: op, now: now)
            return saved
        }
    }
}
