import Foundation
import GRDB
import ServiceDomain

/// Everything the check-in form needs about a returning car.
public struct CheckInSubject: Sendable, Equatable {
    public var customer: Customer
    public var vehicle: Vehicle
    /// The vehicle's latest odometer reading, if any.
    public var lastKm: Int?
    public var card: CustomerCard
}

/// Shop settings the reception desk reads (text values in the `setting` table).
public enum ReceptionSettingKey {
    public static let openTime = "reception.open"            // "08:30"
    public static let closeTime = "reception.close"          // "18:00"
    public static let slotMinutes = "reception.slotMinutes"  // "30"
    public static let regularCapacity = "reception.capacity" // "4"
    public static let expressCapacity = "reception.expressCapacity" // "2"
    /// Folder for printed work orders; default `work-orders` beside the database.
    public static let workOrderFolder = "reception.workOrderFolder"
}

extension AppDatabase {
    /// The booking grid from the shop's settings; a missing or unreadable value keeps its default.
    public func shopHours() throws -> ShopHours {
        var h = ShopHours.standard
        if let v = try setting(key: ReceptionSettingKey.openTime).flatMap(ShopHours.minuteOfDay) { h.openMinute = v }
        if let v = try setting(key: ReceptionSettingKey.closeTime).flatMap(ShopHours.minuteOfDay), v > h.openMinute {
            h.closeMinute = v
        }
        if let v = try setting(key: ReceptionSettingKey.slotMinutes).flatMap({ Int($0) }), (5...240).contains(v) {
            h.slotMinutes = v
        }
        if let v = try setting(key: ReceptionSettingKey.regularCapacity).flatMap({ Int($0) }), v >= 0 { h.regularCapacity = v }
        if let v = try setting(key: ReceptionSettingKey.expressCapacity).flatMap({ Int($0) }), v >= 0 { h.expressCapacity = v }
        return h
    }

    /// Where work orders are written: the shop's setting, else `work-orders/` beside the database.
    public func workOrderFolder() throws -> String {
        if let folder = try setting(key: ReceptionSettingKey.workOrderFolder), !folder.isEmpty { return folder }
        return URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("work-orders").path
    }

    /// Books (id nil) or moves an appointment, checking the slot's capacity inside the same transaction
    /// so two desks cannot both take the last place. A full slot is refused unless `overrideReason`
    /// says why; the reason is stored on the appointment and in the audit trail.
    @discardableResult
    public func bookAppointment(_ appointment: Appointment, overrideReason: String = "", operator op: Operator,
                                now: Date, timeZone: TimeZone) throws -> Appointment {
        var a = appointment
        a.concerns = try FreeText.clean(appointment.concerns, field: .concern, maxLength: 500)
        let cleanReason = try FreeText.clean(overrideReason, field: .reason, maxLength: 200)
        let hours = try shopHours()
        return try write { db in
            try writeBooking(db, a, overrideReason: cleanReason, hours: hours, operator: op, now: now, timeZone: timeZone)
        }
    }

    /// Books a slot for a customer not on file yet: the customer, their car and the appointment are
    /// written in ONE transaction, so a slot refused for capacity (no override reason) creates nothing.
    /// The appointment's customer and vehicle ids are ignored (the new records' ids are used).
    public func bookAppointmentForNewCustomer(_ customer: Customer, vehicle: Vehicle, appointment: Appointment,
                                              overrideReason: String = "", operator op: Operator, now: Date,
                                              timeZone: TimeZone) throws -> (Customer, Vehicle, Appointment) {
        let (c, v) = try validatedNewRecords(customer, vehicle)
        var a = appointment
        a.id = nil
        a.concerns = try FreeText.clean(appointment.concerns, field: .concern, maxLength: 500)
        let cleanReason = try FreeText.clean(overrideReason, field: .reason, maxLength: 200)
        let hours = try shopHours()
        return try write { db in
            let (savedCustomer, savedVehicle) = try writeNewCustomer(db, c, vehicle: v, operator: op, now: now)
            a.customerID = savedCustomer.id!
            a.vehicleID = savedVehicle.id!
            let booked = try writeBooking(db, a, overrideReason: cleanReason, hours: hours, operator: op, now: now,
                                          timeZone: timeZone)
            return (savedCustomer, savedVehicle, booked)
        }
    }

    /// Checks the slot's capacity and saves the appointment, inside the caller's transaction.
    private func writeBooking(_ db: Database, _ appointment: Appointment, overrideReason cleanReason: String,
                              hours: ShopHours, operator op: Operator, now: Date, timeZone: TimeZone) throws -> Appointment {
        var a = appointment
        guard let vehicle = try Persistence.fetch(Vehicle.self, db, id: a.vehicleID) else {
            throw StoreError.notFound(entity: Vehicle.table, id: a.vehicleID)
        }
        guard vehicle.ownerID == a.customerID else {
            throw StoreError.notAllowed(Message(zh: "车辆不属于该客户", en: "The vehicle does not belong to this customer"))
        }
        let sameSlot = try Persistence.fetchAll(Appointment.self, db, where: "slot_start = ? AND lane = ?",
                                                arguments: [a.slotStart, a.lane.rawValue])
        let recorded = try AppointmentRules.checkBooking(
            slotStart: a.slotStart, lane: a.lane, existing: sameSlot, hours: hours, overrideReason: cleanReason,
            now: now, timeZone: timeZone, excluding: a.id)
        a.capacityOverrideReason = recorded.isEmpty ? a.capacityOverrideReason : recorded
        a.advisorID = try bookingAdvisor(db, a, operator: op)
        return try saveVersioned(db, a, operator: op, now: now).saved
    }

    /// A new booking is the booker's when they are an advisor (or above), else nobody's; moving it keeps
    /// the advisor it was booked with, whatever the caller sent.
    private func bookingAdvisor(_ db: Database, _ a: Appointment, operator op: Operator) throws -> RowID? {
        if let id = a.id {
            return try Persistence.fetch(Appointment.self, db, id: id)?.advisorID
        }
        guard let me = op.staffID, let staff = try Persistence.fetch(Staff.self, db, id: me),
              AdvisorRules.isAdvisor(staff) else { return nil }
        return me
    }

    /// Confirms, cancels, marks no-show or arrived (version checked; `AppointmentRules` decides what may change).
    @discardableResult
    public func setAppointmentStatus(id: RowID, to status: AppointmentStatus, version: Int, operator op: Operator,
                                     now: Date) throws -> Appointment {
        try write { db in
            guard var a = try Persistence.fetch(Appointment.self, db, id: id) else {
                throw StoreError.notFound(entity: Appointment.table, id: id)
            }
            guard a.version == version else { throw try conflictError(db, entity: Appointment.table, id: id) }
            try AppointmentRules.checkTransition(a, to: status, now: now)
            let before = a.status
            a.status = status
            let saved = try saveVersioned(db, a, operator: op, now: now).saved
            if status == .noShow {
                try db.execute(sql: "UPDATE appointment SET status_before_no_show = ? WHERE id = ?",
                               arguments: [before.rawValue, id])
            }
            return saved
        }
    }

    /// Undoes a no-show marked by mistake: back to the status it had before (audited, version checked).
    @discardableResult
    public func undoNoShow(id: RowID, version: Int, operator op: Operator, now: Date) throws -> Appointment {
        try write { db in
            guard var a = try Persistence.fetch(Appointment.self, db, id: id) else {
                throw StoreError.notFound(entity: Appointment.table, id: id)
            }
            guard a.version == version else { throw try conflictError(db, entity: Appointment.table, id: id) }
            let stored = try String.fetchOne(db, sql: "SELECT status_before_no_show FROM appointment WHERE id = ?",
                                             arguments: [id]) ?? ""
            a.status = try AppointmentRules.undoNoShow(a, previous: AppointmentStatus(rawValue: stored))
            let saved = try saveVersioned(db, a, operator: op, now: now).saved
            try db.execute(sql: "UPDATE appointment SET status_before_no_show = '' WHERE id = ?", arguments: [id])
            try Audit.append(db, operator: op, at: now, action: "noShowUndone", entity: Appointment.table, entityID: id,
                             detail: ["status": .change(old: AppointmentStatus.noShow.rawValue.databaseValue,
                                                        new: saved.status.rawValue.databaseValue)])
            return saved
        }
    }

    /// Appointments in `[from, to)` with their customer and car, in slot order.
    public func appointmentListings(from: Date, to: Date) throws -> [AppointmentListing] {
        try dbPool.read { db in
            let list = try Persistence.fetchAll(Appointment.self, db,
                                                where: "slot_start >= ? AND slot_start < ? ORDER BY slot_start, lane, id",
                                                arguments: [from, to])
            let customerIDs = Array(Set(list.map(\.customerID)))
            let phones = try CustomerPhones.loadAll(db, customerIDs: customerIDs)
            var names: [RowID: String] = [:]
            var cars: [RowID: (String, String)] = [:]
            for a in list {
                if names[a.customerID] == nil {
                    names[a.customerID] = try String.fetchOne(db, sql: "SELECT name FROM customer WHERE id = ?",
                                                              arguments: [a.customerID]) ?? "#\(a.customerID)"
                }
                if cars[a.vehicleID] == nil, let row = try Row.fetchOne(
                    db, sql: "SELECT plate, model FROM vehicle WHERE id = ?", arguments: [a.vehicleID]) {
                    cars[a.vehicleID] = (row["plate"], row["model"])
                }
            }
            return list.map { a in
                AppointmentListing(appointment: a, customerName: names[a.customerID] ?? "",
                                   phone: phones[a.customerID]?.first ?? "",
                                   plate: cars[a.vehicleID]?.0 ?? "", model: cars[a.vehicleID]?.1 ?? "")
            }
        }
    }

    /// No-shows among the concluded appointments whose slot started in `[from, to)`.
    public func noShowRate(from: Date, to: Date) throws -> (noShows: Int, concluded: Int) {
        AppointmentRules.noShowRate(try appointments(from: from, to: to))
    }

    /// A returning car and its owner, ready for the check-in form.
    public func checkInSubject(customerID: RowID, vehicleID: RowID) throws -> CheckInSubject? {
        guard let card = try customerCard(customerID: customerID),
              let vehicle = card.vehicles.first(where: { $0.id == vehicleID }) else { return nil }
        return CheckInSubject(customer: card.customer, vehicle: vehicle,
                              lastKm: card.mileage[vehicleID]?.first?.km, card: card)
    }

    /// Customers and vehicles already on file with this phone, plate or VIN (typed in any form the
    /// validators accept). Empty when the new record would be the first.
    public func duplicates(phone: String, plate: String, vin: String) throws -> [DuplicateMatch] {
        try dbPool.read { db in try duplicates(db, phone: phone, plate: plate, vin: vin) }
    }

    /// `duplicates`, inside the caller's transaction.
    func duplicates(_ db: Database, phone: String, plate: String, vin: String) throws -> [DuplicateMatch] {
        let keys = DuplicateDetection.keys(phone: phone, plate: plate, vin: vin)
        var known: [KnownRecord] = []
        var customerIDs = Set<RowID>()
        if let phone = keys.phone {
            customerIDs.formUnion(try RowID.fetchAll(db, sql: "SELECT customer_id FROM customer_phone WHERE phone = ?",
                                                     arguments: [phone]))
        }
        var vehicles = try Persistence.fetchAll(
            Vehicle.self, db, where: "(plate = ? AND is_active = 1) OR (vin IS NOT NULL AND vin = ?)",
            arguments: [keys.plate ?? "\u{0}", keys.vin ?? "\u{0}"])
        customerIDs.formUnion(vehicles.map(\.ownerID))
        let phones = try CustomerPhones.loadAll(db, customerIDs: Array(customerIDs))
        for id in customerIDs.sorted() {
            let name = try String.fetchOne(db, sql: "SELECT name FROM customer WHERE id = ?", arguments: [id]) ?? ""
            let own = vehicles.filter { $0.ownerID == id }
            vehicles.removeAll { $0.ownerID == id }
            if own.isEmpty {
                known.append(KnownRecord(customerID: id, customerName: name, phones: phones[id] ?? []))
            }
            for v in own {
                known.append(KnownRecord(customerID: id, customerName: name, phones: phones[id] ?? [],
                                         vehicleID: v.id, plate: v.plate, vin: v.vin))
            }
        }
        return DuplicateDetection.matches(phone: phone, plate: plate, vin: vin, among: known)
    }

    /// A walk-in's new customer and car, saved together (validated, duplicates refused) before their
    /// repair order is opened.
    public func createCustomerWithVehicle(_ customer: Customer, vehicle: Vehicle, operator op: Operator,
                                          now: Date) throws -> (Customer, Vehicle) {
        let (c, v) = try validatedNewRecords(customer, vehicle)
        return try write { db in try writeNewCustomer(db, c, vehicle: v, operator: op, now: now) }
    }

    private func validatedNewRecords(_ customer: Customer, _ vehicle: Vehicle) throws -> (Customer, Vehicle) {
        var c = try CustomerRules.validated(customer)
        c.id = nil
        var v = try VehicleRules.validated(vehicle)
        v.id = nil
        return (c, v)
    }

    /// Inside the caller's transaction; `writeVehicle` refuses a plate or VIN already on file.
    private func writeNewCustomer(_ db: Database, _ customer: Customer, vehicle: Vehicle, operator op: Operator,
                                  now: Date) throws -> (Customer, Vehicle) {
        let saved = try writeCustomer(db, customer, operator: op, now: now)
        var v = vehicle
        v.ownerID = saved.id!
        return (saved, try writeVehicle(db, v, operator: op, now: now))
    }
}
