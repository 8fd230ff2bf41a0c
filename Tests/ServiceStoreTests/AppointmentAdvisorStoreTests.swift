import Foundation
import ServiceDomain
@testable import ServiceStore
import Testing

/// An appointment remembers the advisor who booked it (the check-in form's first choice of advisor).
@Suite struct AppointmentAdvisorStoreTests {
    let folder = TempFolder()
    let db: AppDatabase
    let wang: Customer
    let car: Vehicle
    let lina: Staff
    let clerk: Staff
    let ten = Fixture.morning.addingTimeInterval(3600)

    init() throws {
        db = try Fixture.open(folder)
        wang = try Fixture.customer(db, "王芳", phones: ["13812345678"])
        car = try Fixture.vehicle(db, owner: wang, plate: "粤A12345")
        let setup = Operator(staffID: nil, name: "setup")
        lina = try db.saveStaff(Staff(login: "lina", name: "李娜", roles: [.advisor]), operator: setup, now: Fixture.morning)
        clerk = try db.saveStaff(Staff(login: "clerk", name: "张前台", roles: [.reception]), operator: setup,
                                 now: Fixture.morning)
    }

    func booking(by staff: Staff) throws -> Appointment {
        try db.bookAppointment(Appointment(customerID: wang.id!, vehicleID: car.id!, slotStart: ten, serviceType: .maintenance),
                               operator: Operator(staffID: staff.id, name: staff.name), now: Fixture.morning,
                               timeZone: Fixture.shanghai)
    }

    @Test func anAdvisorsBookingIsTheirs() throws {
        let booked = try booking(by: lina)
        #expect(booked.advisorID == lina.id)
        #expect(try db.appointment(id: booked.id!)?.advisorID == lina.id)
    }

    @Test func aClerksBookingHasNoAdvisorAndWhatTheCallerSendsIsIgnored() throws {
        var sent = Appointment(customerID: wang.id!, vehicleID: car.id!, slotStart: ten, serviceType: .maintenance)
        sent.advisorID = lina.id
        let booked = try db.bookAppointment(sent, operator: Operator(staffID: clerk.id, name: clerk.name),
                                            now: Fixture.morning, timeZone: Fixture.shanghai)
        #expect(try db.appointment(id: booked.id!)?.advisorID == nil)
    }

    @Test func movingABookingKeepsItsAdvisor() throws {
        var moved = try booking(by: lina)
        moved.slotStart = ten.addingTimeInterval(3600)
        moved.advisorID = nil
        let saved = try db.bookAppointment(moved, operator: Operator(staffID: clerk.id, name: clerk.name),
                                           now: Fixture.morning, timeZone: Fixture.shanghai)
        #expect(saved.slotStart == ten.addingTimeInterval(3600))
        #expect(try db.appointment(id: saved.id!)?.advisorID == lina.id)
    }
}
