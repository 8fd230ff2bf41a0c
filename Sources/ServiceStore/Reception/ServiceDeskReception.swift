import Foundation
import GRDB
import ServiceDomain

/// What a check-in came to: saved, or refused because the "new" customer or car is already on file.
public enum CheckInOutcome: Sendable, Equatable {
    case saved(CheckedIn)
    /// Nothing was written; the desk offers these records instead.
    case duplicates([DuplicateMatch])
}

/// A check-in the store has committed: the order as saved, the work order's text, and the comeback
/// candidate it raised (if the visit is one).
public struct CheckedIn: Sendable, Equatable {
    public var order: RepairOrder
    public var workOrderText: String
    public var comeback: Comeback?
}

/// The steps of a check-in, named for tests that make one of them fail.
enum CheckInStep: Sendable {
    case customerWritten, orderWritten, comebackRecorded
}

extension ServiceDesk {
    /// Checks a car in, in ONE transaction: the new customer and car (if any, duplicates refused), the
    /// repair order with its concern, lines and mileage, and the comeback candidate it raises. A failure at
    /// any step leaves nothing behind. The promised time is checked against the shop's hours first.
    public func checkIn(_ draft: CheckInDraft, now: Date, timeZone: TimeZone) throws -> CheckInOutcome {
        try checkIn(draft, now: now, timeZone: timeZone, after: { _ in })
    }

    /// `after` runs after each step inside the transaction: the store tests throw from it.
    func checkIn(_ draft: CheckInDraft, now: Date, timeZone: TimeZone,
                 after: (CheckInStep) throws -> Void) throws -> CheckInOutcome {
        try PromiseRules.check(draft.order.promisedAt, now: now, hours: try db.shopHours(), timeZone: timeZone)
        let op = `operator`
        return try action(.checkIn) { tx in
            var order = draft.order
            if draft.newCustomer != nil || draft.newVehicle != nil {
                let v = draft.newVehicle
                let matches = try db.duplicates(tx, phone: draft.newCustomer?.phones.first ?? "", plate: v?.plate ?? "",
                                                vin: v?.vin ?? "")
                if !matches.isEmpty { return .duplicates(matches) }
            }
            if let customer = draft.newCustomer, let vehicle = draft.newVehicle {
                let (c, v) = try db.createCustomerWithVehicle(customer, vehicle: vehicle, operator: op, now: now)
                order.customerID = c.id!
                order.vehicleID = v.id!
                try after(.customerWritten)
            } else if var vehicle = draft.newVehicle {
                vehicle.ownerID = order.customerID
                order.vehicleID = try db.saveVehicle(vehicle, operator: op, now: now).id!
                try after(.customerWritten)
            }
            order.openedAt = now
            order.checkInSeconds = max(0, Int(now.timeIntervalSince(draft.arrivedAt).rounded()))
            var concern = draft.concern
            concern.repairOrderID = 0
            let saved = try db.createRepairOrder(order, concerns: [concern], jobs: draft.jobs,
                                                 odometerReason: draft.odometerReason, operator: op, now: now,
                                                 timeZone: timeZone)
            try after(.orderWritten)
            let comeback = try db.recordCheckInComeback(repairOrderID: saved.id!, operator: op, now: now)
            try after(.comebackRecorded)
            return .saved(CheckedIn(order: saved, workOrderText: try workOrder(tx, saved, draft, timeZone: timeZone),
                                    comeback: comeback))
        }
    }

    /// The work order's text, read inside the check-in's transaction (the rows it names are not committed yet).
    private func workOrder(_ tx: Database, _ order: RepairOrder, _ draft: CheckInDraft, timeZone: TimeZone) throws -> String {
        let roID = order.id!
        let customer = try CustomerPhones.customer(tx, id: order.customerID)
        let vehicle = try Persistence.fetch(Vehicle.self, tx, id: order.vehicleID)
        let advisor = try order.advisorID.flatMap { try Persistence.fetch(Staff.self, tx, id: $0) }
        return WorkOrderText(
            shopName: draft.shopName, order: order, customerName: customer?.name ?? "", plate: vehicle?.plate ?? "",
            model: vehicle?.model ?? "", vin: vehicle?.vin,
            concerns: try Persistence.fetchAll(Concern.self, tx, where: "repair_order_id = ? ORDER BY id", arguments: [roID]),
            valuablesReminded: draft.valuablesReminded, advisorName: advisor?.name ?? "",
            jobs: try Persistence.fetchAll(Job.self, tx, where: "repair_order_id = ? ORDER BY id", arguments: [roID])
        ).render(timeZone: timeZone)
    }

    /// Books (id nil) or moves an appointment for a customer on file.
    @discardableResult
    public func book(_ appointment: Appointment, overrideReason: String, now: Date, timeZone: TimeZone) throws -> Appointment {
        try action(.bookAppointment) { _ in
            try db.bookAppointment(appointment, overrideReason: overrideReason, operator: `operator`, now: now,
                                   timeZone: timeZone)
        }
    }

    /// Books a slot for a customer not on file: customer, car and appointment together, or nothing
    /// (`.duplicates` when the phone, plate or VIN is already on file).
    public func bookNewCustomer(_ customer: Customer, vehicle: Vehicle, appointment: Appointment, overrideReason: String,
                                now: Date, timeZone: TimeZone) throws -> [DuplicateMatch] {
        try action(.bookAppointment) { tx in
            let matches = try db.duplicates(tx, phone: customer.phones.first ?? "", plate: vehicle.plate, vin: vehicle.vin ?? "")
            if !matches.isEmpty { return matches }
            _ = try db.bookAppointmentForNewCustomer(customer, vehicle: vehicle, appointment: appointment,
                                                     overrideReason: overrideReason, operator: `operator`, now: now,
                                                     timeZone: timeZone)
            return []
        }
    }

    /// Cancels, marks a no-show, or otherwise moves an appointment's status (not `arrived`: see `arrive`).
    @discardableResult
    public func setAppointmentStatus(id: RowID, to status: AppointmentStatus, version: Int, now: Date) throws -> Appointment {
        try action(.bookAppointment) { _ in
            try db.setAppointmentStatus(id: id, to: status, version: version, operator: `operator`, now: now)
        }
    }

    public func undoNoShow(id: RowID, version: Int, now: Date) throws -> Appointment {
        try action(.bookAppointment) { _ in try db.undoNoShow(id: id, version: version, operator: `operator`, now: now) }
    }

    /// The customer of an appointment arrived: the start of their check-in.
    public func arrive(id: RowID, version: Int, now: Date) throws -> Appointment {
        try action(.checkIn) { _ in
            try db.setAppointmentStatus(id: id, to: .arrived, version: version, operator: `operator`, now: now)
        }
    }
}
