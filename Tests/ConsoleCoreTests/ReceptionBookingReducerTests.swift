import ConsoleCore
import Foundation
import ScreenKit
import ServiceDomain
import Testing

/// Booking a customer not on file yet from the Appointments panel (F4, Ctrl-N).
@Suite struct AppointmentNewCustomerReducerTests {
    let tomorrow = ShopCalendar.addDays(1, to: ShopCalendar.startOfDay(fixedNow, shanghai), shanghai)

    /// F4 on tomorrow, booking the 09:00 slot, "粤C66666" typed in the search.
    func bookingWithSearch() -> AppState {
        var s = freshState()
        send(&s, .function(4))
        _ = reduce(&s, .reception(.dayLoaded(day: tomorrow, rows: [], hours: receptionHours, noShow: NoShowStats())))
        send(&s, .down)   // 09:00
        send(&s, .enter)
        _ = type(&s, "粤C66666")
        return s
    }

    @Test func ctrlNOpensTheNewCustomerFieldsAndSavesThemWithTheBooking() throws {
        var s = bookingWithSearch()
        #expect(send(&s, .ctrl("n")).isEmpty)
        var b = try #require(s.reception.appointments.booking)
        #expect(b.fields == [.name, .phone, .plate, .vin, .model, .lane, .serviceType, .concerns, .waiter])
        #expect(b.focus == .name && s.isTyping && ReceptionFeature.wantsTab(s))
        #expect(b.newCustomer?.text(.plate) == "粤C66666")   // carried from the search
        // The check-in validators: a bad phone keeps the focus and names the field.
        _ = type(&s, "赵敏")
        send(&s, .tab)
        _ = type(&s, "1370000")
        #expect(send(&s, .tab).isEmpty)
        #expect(s.status?.kind == .error && s.reception.appointments.booking?.focus == .phone)
        _ = type(&s, "2222")
        #expect(send(&s, .tab) == [.reception(.booking(.checkDuplicates(phone: "13700002222", plate: "粤C66666", vin: "")))])
        send(&s, .tab, .tab)   // plate (already filled), VIN (optional)
        #expect(s.reception.appointments.booking?.focus == .model)
        // Ctrl-S with the model empty focuses it and says why.
        #expect(send(&s, .ctrl("s")).isEmpty)
        #expect(s.status?.kind == .error && s.reception.appointments.booking?.focus == .model)
        _ = type(&s, "宝来")
        send(&s, .tab)
        b = try #require(s.reception.appointments.booking)
        #expect(b.focus == .lane && s.hasUnsavedInput)
        let effects = send(&s, .ctrl("s"))
        let expected = BookingRequest.bookNewCustomer(
            Customer(name: "赵敏", phones: ["13700002222"]), Vehicle(ownerID: 0, vin: "", plate: "粤C66666", model: "宝来"),
            Appointment(customerID: 0, vehicleID: 0, slotStart: tomorrow.addingTimeInterval(9 * 3600), lane: .regular,
                        serviceType: .maintenance, concerns: ""),
            overrideReason: "", reload: tomorrow)
        #expect(effects == [.reception(.booking(expected))])
        // Refused for capacity: the fields stay, the override reason is asked for and sent with them.
        _ = reduce(&s, .reception(.appointmentFailed(Message(zh: "已满", en: "full"), needsOverride: true)))
        #expect(s.reception.appointments.booking?.focus == .overrideReason)
        #expect(s.reception.appointments.booking?.newCustomer?.text(.name) == "赵敏")
        _ = type(&s, "新车首保")
        guard case .reception(.booking(.bookNewCustomer(_, _, _, let reason, _)))? = send(&s, .enter).first else {
            Issue.record("expected the booking to be sent again")
            return
        }
        #expect(reason == "新车首保")
        #expect(reduce(&s, .reception(.newCustomerBooked(reload: tomorrow))) == [.reception(.loadDay(tomorrow))])
        #expect(s.reception.appointments.booking == nil && s.status?.kind == .ok)
    }

    @Test func aDuplicateIsOfferedAndCtrlOBooksTheExistingCar() throws {
        var s = bookingWithSearch()
        send(&s, .ctrl("n"))
        let match = DuplicateMatch(reason: .plate, customerID: 7, customerName: "王芳", phone: "13812345678", vehicleID: 70,
                                   plate: "粤A12345")
        _ = reduce(&s, .reception(.bookingDuplicatesFound([match])))
        #expect(s.status == StatusLine(ReceptionStrings.duplicateFound, kind: .warning))
        #expect(ReceptionFeature.bindings(for: s).contains { $0.keys == [.ctrl("o")] })
        #expect(send(&s, .ctrl("o")) == [.reception(.search(.booking, query: "粤A12345"))])
        #expect(s.reception.appointments.booking?.newCustomer == nil)
        #expect(s.reception.appointments.booking?.focus == .search)
        _ = reduce(&s, .reception(.searchCompleted(.booking, query: "粤A12345", results: [wangFang])))
        let b = try #require(s.reception.appointments.booking)
        #expect(b.chosen?.vehicle?.id == 70 && b.focus == .lane)
        let effects = send(&s, .ctrl("s"))
        guard case .reception(.book(let appointment, _, _))? = effects.first else {
            Issue.record("expected a booking for the existing car, got \(effects)")
            return
        }
        #expect(appointment.customerID == 7 && appointment.vehicleID == 70)
    }
}
