import Foundation
import GRDB
import ServiceDomain

extension AppDatabase {
    /// Inserts (id nil) or updates a customer after `CustomerRules` validation. An update must carry
    /// the version that was loaded; the saved customer comes back with the new version.
    /// The phones replace the stored ones, in order (the first is primary).
    @discardableResult
    public func saveCustomer(_ customer: Customer, operator op: Operator, now: Date) throws -> Customer {
        let valid = try CustomerRules.validated(customer)
        return try write { db in try writeCustomer(db, valid, operator: op, now: now) }
    }

    /// `customer` must already be validated.
    func writeCustomer(_ db: Database, _ customer: Customer, operator op: Operator, now: Date) throws -> Customer {
        let (saved, changed) = try saveVersioned(
            db, customer, operator: op, now: now,
            auditExtras: { [("phones", $0.phones.joined(separator: ";").databaseValue)] },
            load: { db, id in try CustomerPhones.customer(db, id: id) })
        if changed, let id = saved.id {
            try CustomerPhones.replace(db, customerID: id, phones: saved.phones)
        }
        return saved
    }

    /// Inserts or updates a vehicle after `VehicleRules` validation. A plate already used by another
    /// active vehicle, or a VIN already registered, is refused naming the existing owner
    /// (phone masked).
    @discardableResult
    public func saveVehicle(_ vehicle: Vehicle, operator op: Operator, now: Date) throws -> Vehicle {
        let valid = try VehicleRules.validated(vehicle)
        return try write { db in try writeVehicle(db, valid, operator: op, now: now) }
    }

    func writeVehicle(_ db: Database, _ vehicle: Vehicle, operator op: Operator, now: Date) throws -> Vehicle {
        guard try CustomerPhones.customer(db, id: vehicle.ownerID) != nil else {
            throw StoreError.notFound(entity: Customer.table, id: vehicle.ownerID)
        }
        try refuseDuplicates(db, vehicle)
        return try saveVersioned(db, vehicle, operator: op, now: now).saved
    }

    private func refuseDuplicates(_ db: Database, _ vehicle: Vehicle) throws {
        let otherID = vehicle.id ?? -1
        if let row = try Row.fetchOne(
            db, sql: "SELECT owner_id FROM vehicle WHERE plate = ? AND is_active = 1 AND id <> ?",
            arguments: [vehicle.plate, otherID]) {
            let owner = try ownerSummary(db, customerID: row["owner_id"])
            throw StoreError.duplicatePlate(plate: Plate.display(vehicle.plate), ownerName: owner.name,
                                            ownerPhone: owner.maskedPhone)
        }
        if let vin = vehicle.vin, let row = try Row.fetchOne(
            db, sql: "SELECT owner_id, plate FROM vehicle WHERE vin = ? AND id <> ?", arguments: [vin, otherID]) {
            let owner = try ownerSummary(db, customerID: row["owner_id"])
            throw StoreError.duplicateVIN(vin: vin, plate: Plate.display(row["plate"]), ownerName: owner.name,
                                          ownerPhone: owner.maskedPhone)
        }
    }

    func ownerSummary(_ db: Database, customerID: RowID) throws -> (name: String, maskedPhone: String) {
        let name = try String.fetchOne(db, sql: "SELECT name FROM customer WHERE id = ?", arguments: [customerID])
        let phone = try CustomerPhones.load(db, customerID: customerID).first
        return (name ?? "#\(customerID)", phone.map(PhoneNumber.masked) ?? "-")
    }

    /// Records an odometer reading. A reading below the vehicle's latest one is refused unless
    /// `source` is `.odometerReplaced` and `reason` says why. `now` (default `at`) stamps the audit row.
    @discardableResult
    public func recordMileage(vehicleID: RowID, km: Int, at: Date, source: MileageSource, reason: String = "",
                              operator op: Operator, now: Date? = nil) throws -> MileageReading {
        let cleanReason = try FreeText.clean(reason, field: .reason, maxLength: 200,
                                             required: source == .odometerReplaced)
        let reading = MileageReading(vehicleID: vehicleID, km: km, readAt: at, source: source, reason: cleanReason)
        return try write { db in
            try writeMileage(db, reading, operator: op, now: now ?? at)
        }
    }

    func writeMileage(_ db: Database, _ reading: MileageReading, operator op: Operator, now: Date) throws
        -> MileageReading {
        guard try Persistence.fetch(Vehicle.self, db, id: reading.vehicleID) != nil else {
            throw StoreError.notFound(entity: Vehicle.table, id: reading.vehicleID)
        }
        let last = try latestMileage(db, vehicleID: reading.vehicleID)
        try MileageRule.check(newKm: reading.km, lastKm: last?.km,
                              odometerReplacementReason: reading.source == .odometerReplaced ? reading.reason : nil)
        let saved = try Persistence.insert(reading, db)
        try Audit.append(db, operator: op, at: now, action: "mileage", entity: Vehicle.table,
                         entityID: reading.vehicleID, detail: Audit.values(saved.columns))
        return saved
    }

    func latestMileage(_ db: Database, vehicleID: RowID) throws -> MileageReading? {
        try Persistence.fetchAll(MileageReading.self, db, where: "vehicle_id = ? AND is_suspect = 0 ORDER BY read_at DESC, id DESC LIMIT 1",
                                 arguments: [vehicleID]).first
    }

    /// Inserts or updates a staff member. The login (when not empty) must be unique.
    /// The PIN hash is never touched by this call.
    @discardableResult
    public func saveStaff(_ staff: Staff, operator op: Operator, now: Date) throws -> Staff {
        var valid = staff
        valid.name = try FreeText.clean(staff.name, field: .name, maxLength: 40, required: true)
        valid.login = FreeText.sanitize(staff.login)
        guard (0...5).contains(staff.skillLevel) else {
            throw ValidationError(field: .other, message: Message(zh: "技术等级应为 0–5", en: "Skill level must be 0–5"))
        }
        return try write { db in
            if !valid.login.isEmpty, try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM staff WHERE login = ? AND id <> ?)",
                arguments: [valid.login, valid.id ?? -1]) == true {
                throw StoreError.duplicateLogin(login: valid.login)
            }
            return try saveVersioned(db, valid, operator: op, now: now).saved
        }
    }

    /// Stores (or clears, with nil) a staff member's PIN hash (computed by the caller). The version is
    /// left alone so an open profile form does not go stale;
    /// the audit row records that the PIN changed, never the hash.
    public func setStaffPINHash(staffID: RowID, hash: String?, operator op: Operator, now: Date) throws {
        try write { db in
            try db.execute(sql: "UPDATE staff SET pin_hash = ? WHERE id = ?",
                           arguments: [hash, staffID])
            guard db.changesCount == 1 else { throw StoreError.notFound(entity: Staff.table, id: staffID) }
            try Audit.append(db, operator: op, at: now, action: hash == nil ? "pinCleared" : "pinSet",
                             entity: Staff.table, entityID: staffID, detail: [:])
        }
    }

    public func staffPINHash(staffID: RowID) throws -> String? {
        try dbPool.read { db in
            try String.fetchOne(db, sql: "SELECT pin_hash FROM staff WHERE id = ?", arguments: [staffID])
        }
    }
}
