import Foundation
import ServiceDomain
@testable import ServiceStore
import Testing

/// Booking a customer not on file yet: customer, car and appointment in one transaction.
@Suite struct ReceptionBookingStoreTests {
    let folder = TempFolder()
    let db: AppDatabase
    let wang: Customer
    let car: Vehicle
    /// 2026-11-22 10:00 in Shanghai, an hour after `Fixture.morning`.
    let ten = Fixture.morning.addingTimeInterval(3600)

    init() throws {
        db = try Fixture.open(folder)
        wang = try Fixture.customer(db, "王芳", phones: ["13812345678"])
        car = try Fixture.vehicle(db, owner: wang, plate: "粤A12345")
    }

    let zhao = Customer(name: "赵敏", phones: ["13700002222"])
    let zhaoCar = Vehicle(ownerID: 0, vin: "", plate: "粤C66666", model: "宝来 1.5L")

    func slot(_ lane: Lane = .regular) -> Appointment {
        Appointment(customerID: 0, vehicleID: 0, slotStart: ten, lane: lane, serviceType: .maintenance, concerns: "首保")
    }

    @Test func aNewCustomerIsCreatedWithTheirCarAndBooked() throws {
        let (c, v, a) = try db.bookAppointmentForNewCustomer(zhao, vehicle: zhaoCar, appointment: slot(),
                                                             operator: Fixture.reception, now: Fixture.morning,
                                                             timeZone: Fixture.shanghai)
        #expect(c.id != nil && v.ownerID == c.id && a.customerID == c.id && a.vehicleID == v.id)
        let listed = try db.appointmentListings(from: Fixture.morning, to: Fixture.morning.addingTimeInterval(86_400))
        #expect(listed.map(\.customerName) == ["赵敏"])
        #expect(listed.first?.plate == "粤C66666" && listed.first?.phone == "13700002222")
        #expect(try db.search("13700002222", limit: 10).count == 1)
    }

    @Test func aFullSlotCreatesNothingUnlessOverridden() throws {
        try db.setSetting(key: ReceptionSettingKey.regularCapacity, value: "1", operator: Fixture.reception, now: Fixture.morning)
        try db.bookAppointment(Appointment(customerID: wang.id!, vehicleID: car.id!, slotStart: ten, lane: .regular,
                                           serviceType: .maintenance, concerns: ""),
                               operator: Fixture.reception, now: Fixture.morning, timeZone: Fixture.shanghai)
        let refused = #expect(throws: ValidationError.self) {
            try db.bookAppointmentForNewCustomer(zhao, vehicle: zhaoCar, appointment: slot(), operator: Fixture.reception,
                                                 now: Fixture.morning, timeZone: Fixture.shanghai)
        }
        #expect(refused?.field == .reason)
        // Rolled back: no customer, no car, nothing to find.
        #expect(try db.duplicates(phone: "13700002222", plate: "粤C66666", vin: "").isEmpty)
        #expect(try db.search("赵敏", limit: 10).isEmpty)
        let (c, _, forced) = try db.bookAppointmentForNewCustomer(zhao, vehicle: zhaoCar, appointment: slot(),
                                                                  overrideReason: "新车首保", operator: Fixture.reception,
                                                                  now: Fixture.morning, timeZone: Fixture.shanghai)
        #expect(forced.capacityOverrideReason == "新车首保" && forced.customerID == c.id)
    }

    @Test func aPlateAlreadyOnFileIsRefusedAndNothingIsCreated() throws {
        var sameCar = zhaoCar
        sameCar.plate = "粤A12345"
        #expect(throws: (any Error).self) {
            try db.bookAppointmentForNewCustomer(zhao, vehicle: sameCar, appointment: slot(), operator: Fixture.reception,
                                                 now: Fixture.morning, timeZone: Fixture.shanghai)
        }
        #expect(try db.duplicates(phone: "13700002222", plate: "", vin: "").isEmpty)
        #expect(try db.appointmentListings(from: Fixture.morning, to: Fixture.morning.addingTimeInterval(86_400)).isEmpty)
    }
}
