import Foundation
import GRDB
import ServiceDomain

extension AppDatabase {
    /// True while the shop holds no business data: no customer, vehicle, staff member, appointment or
    /// repair order. Settings and the audit trail do not count (they exist before any real work).
    public func isEmpty() throws -> Bool {
        try dbPool.read { db in
            try Bool.fetchOne(db, sql: """
                SELECT NOT EXISTS (SELECT 1 FROM customer) AND NOT EXISTS (SELECT 1 FROM vehicle)
                   AND NOT EXISTS (SELECT 1 FROM staff) AND NOT EXISTS (SELECT 1 FROM appointment)
                   AND NOT EXISTS (SELECT 1 FROM repair_order)
                """) ?? true
        }
    }

    public func customer(id: RowID) throws -> Customer? {
        try dbPool.read { db in try CustomerPhones.customer(db, id: id) }
    }

    public func vehicle(id: RowID) throws -> Vehicle? {
        try dbPool.read { db in try Persistence.fetch(Vehicle.self, db, id: id) }
    }

    /// The active vehicle with this plate (any spelling `Plate.normalize` accepts), if any.
    public func vehicle(plate: String) throws -> Vehicle? {
        let key = Plate.normalize(plate)
        return try dbPool.read { db in
            try Persistence.fetchAll(Vehicle.self, db, where: "plate = ? AND is_active = 1", arguments: [key]).first
        }
    }

    public func vehicles(ownerID: RowID) throws -> [Vehicle] {
        try dbPool.read { db in
            try Persistence.fetchAll(Vehicle.self, db, where: "owner_id = ? ORDER BY id", arguments: [ownerID])
        }
    }

    /// Newest first.
    public func mileageReadings(vehicleID: RowID) throws -> [MileageReading] {
        try dbPool.read { db in
            try Persistence.fetchAll(MileageReading.self, db, where: "vehicle_id = ? ORDER BY read_at DESC, id DESC",
                                     arguments: [vehicleID])
        }
    }

    public func customerCard(customerID: RowID) throws -> CustomerCard? {
        try dbPool.read { db in
            guard var customer = try CustomerPhones.customer(db, id: customerID) else { return nil }
            let vehicles = try Persistence.fetchAll(Vehicle.self, db, where: "owner_id = ? ORDER BY id",
                                                    arguments: [customerID])
            // The card shows the mark as it stands today, not as it was stored.
            customer.isOutOfWarrantyOwner = WarrantyRules.isOutOfWarrantyOwner(
                marked: customer.isOutOfWarrantyOwner, warrantyEnds: vehicles.map(\.warrantyEndDate),
                today: CalendarDate(Date(), in: timeZone))
            var mileage: [RowID: [MileageReading]] = [:]
            for vehicle in vehicles {
                guard let id = vehicle.id else { continue }
                mileage[id] = try Persistence.fetchAll(
                    MileageReading.self, db, where: "vehicle_id = ? ORDER BY read_at DESC, id DESC", arguments: [id])
            }
            let visits = try Persistence.fetchAll(
                RepairOrder.self, db, where: "customer_id = ? ORDER BY opened_at DESC, id DESC LIMIT 10",
                arguments: [customerID])
            let complaints = try Persistence.fetchAll(
                Complaint.self, db, where: "customer_id = ? AND step <> 'closed' ORDER BY opened_at DESC, id DESC",
                arguments: [customerID])
            return CustomerCard(customer: customer, vehicles: vehicles, mileage: mileage, lastVisits: visits,
                                openComplaints: complaints,
                                declinedWork: try Self.declinedWork(db, customerID: customerID))
        }
    }

    public func repairOrder(id: RowID) throws -> RepairOrder? {
        try dbPool.read { db in try Persistence.fetch(RepairOrder.self, db, id: id) }
    }

    public func repairOrder(number: String) throws -> RepairOrder? {
        try dbPool.read { db in
            try Persistence.fetchAll(RepairOrder.self, db, where: "number = ?", arguments: [number]).first
        }
    }

    /// Orders in any of the given stages, earliest promise first (the waiting board's order).
    public func repairOrders(stageIn stages: Set<ROStage>) throws -> [RepairOrder] {
        guard !stages.isEmpty else { return [] }
        let raw = stages.map(\.rawValue).sorted()
        return try dbPool.read { db in
            try Persistence.fetchAll(
                RepairOrder.self, db,
                where: "stage IN (\(databaseQuestionMarks(count: raw.count))) ORDER BY promised_at, id",
                arguments: StatementArguments(raw))
        }
    }

    public func concerns(repairOrderID: RowID) throws -> [Concern] {
        try dbPool.read { db in
            try Persistence.fetchAll(Concern.self, db, where: "repair_order_id = ? ORDER BY id",
                                     arguments: [repairOrderID])
        }
    }

    public func jobs(repairOrderID: RowID) throws -> [Job] {
        try dbPool.read { db in
            try Persistence.fetchAll(Job.self, db, where: "repair_order_id = ? ORDER BY id", arguments: [repairOrderID])
        }
    }

    /// Oldest first.
    public func stageChanges(repairOrderID: RowID) throws -> [StageChange] {
        try dbPool.read { db in
            try Persistence.fetchAll(StageChange.self, db, where: "repair_order_id = ? ORDER BY at, id",
                                     arguments: [repairOrderID])
        }
    }

    public func staff(login: String) throws -> Staff? {
        guard !login.isEmpty else { return nil }
        return try dbPool.read { db in
            try Persistence.fetchAll(Staff.self, db, where: "login = ?", arguments: [login]).first
        }
    }

    public func staff(id: RowID) throws -> Staff? {
        try dbPool.read { db in try Persistence.fetch(Staff.self, db, id: id) }
    }

    /// Everyone, active first, then by name.
    public func allStaff() throws -> [Staff] {
        try dbPool.read { db in
            try Persistence.fetchAll(Staff.self, db, where: "1 ORDER BY is_active DESC, name, id")
        }
    }

    public func appointment(id: RowID) throws -> Appointment? {
        try dbPool.read { db in try Persistence.fetch(Appointment.self, db, id: id) }
    }

    /// Appointments whose slot starts in `[from, to)`, in slot order.
    public func appointments(from: Date, to: Date) throws -> [Appointment] {
        try dbPool.read { db in
            try Persistence.records(Appointment.self, db, sql: KPIReportSQL.appointments, arguments: [from, to])
        }
    }

    public func callback(id: RowID) throws -> Callback? {
        try dbPool.read { db in try Persistence.fetch(Callback.self, db, id: id) }
    }

    /// Callbacks in the given statuses, earliest due first.
    public func callbacks(statusIn statuses: Set<CallbackStatus>) throws -> [Callback] {
        guard !statuses.isEmpty else { return [] }
        let raw = statuses.map(\.rawValue).sorted()
        return try dbPool.read { db in
            try Persistence.fetchAll(
                Callback.self, db,
                where: "status IN (\(databaseQuestionMarks(count: raw.count))) ORDER BY due_at, id",
                arguments: StatementArguments(raw))
        }
    }

    public func complaint(id: RowID) throws -> Complaint? {
        try dbPool.read { db in try Persistence.fetch(Complaint.self, db, id: id) }
    }

    public func comeback(id: RowID) throws -> Comeback? {
        try dbPool.read { db in try Persistence.fetch(Comeback.self, db, id: id) }
    }

    /// Newest first. `entity` is a table name (`customer`, `vehicle`, `repair_order`, `setting`, …);
    /// a nil `entityID` lists the whole table's history.
    public func auditEntries(entity: String, entityID: RowID?, limit: Int = 100) throws -> [AuditEntry] {
        try dbPool.read { db in try Audit.entries(db, entity: entity, entityID: entityID, limit: limit) }
    }
}
