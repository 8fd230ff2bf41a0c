import ConsoleCore
import Foundation
import ScreenKit
import ServiceDomain
import Testing

/// `a` on the Appointments panel marks the arrival and opens check-in with the appointment carried over:
/// its advisor (who booked it) is the form's default, before the customer's usual one.
@Suite struct AppointmentAdvisorReducerTests {
    let today = ShopCalendar.startOfDay(fixedNow, shanghai)
    let advisors = [StaffChoice(id: 2, name: "李娜", skillLevel: 0), StaffChoice(id: 3, name: "郑建国", skillLevel: 0),
                    StaffChoice(id: 4, name: "周杰", skillLevel: 0)]

    func appointment(advisorID: RowID?, status: AppointmentStatus = .confirmed) -> Appointment {
        Appointment(id: 1, customerID: 7, vehicleID: 70, slotStart: today.addingTimeInterval(10 * 3600),
                    serviceType: .maintenance, concerns: "首保", status: status, advisorID: advisorID, version: 4)
    }

    /// Marks the appointment arrived with `a` and feeds back what the effect answers (the clerk is not an advisor,
    /// so the advisors are offered with the customer's usual one, 郑建国, as the effect's default).
    func arrive(advisorID: RowID?) -> AppState {
        var s = freshState(.en)
        send(&s, .function(4))
        let row = AppointmentListing(appointment: appointment(advisorID: advisorID), customerName: "王芳",
                                 phone: "13812345678", plate: "粤A12345", model: "迈腾")
        _ = reduce(&s, .reception(.dayLoaded(day: today, rows: [row], hours: receptionHours, noShow: NoShowStats())))
        let lines = s.reception.appointments.lines(timeZone: shanghai)
        let index = lines.firstIndex { if case .appointment = $0 { return true } else { return false } }!
        s.reception.appointments.table.select(index, rowCount: lines.count)
        #expect(send(&s, .character("a")) == [.reception(.arrive(id: 1, version: 4, reload: today))])
        _ = reduce(&s, .reception(.checkInLoaded(wangInfo, appointment: appointment(advisorID: advisorID, status: .arrived),
                                                 arrivedAt: fixedNow, hours: receptionHours, carry: nil)))
        _ = reduce(&s, .reception(.advisorsOffered(advisors, defaultID: 3)))
        return s
    }

    @Test func theAppointmentsAdvisorIsTheDefault() throws {
        let s = arrive(advisorID: 4)
        let form = try #require(s.reception.form)
        #expect(s.panel == .reception && form.appointmentID == 1)
        #expect(form.advisorID == 4 && form.advisorName == "周杰")
        var filled = form
        filled.texts[.mileage] = TextInputState(text: "23500")
        let draft = try filled.draft(now: fixedNow, timeZone: s.timeZone, shopName: "店")
        #expect(draft.order.advisorID == 4 && draft.order.appointmentID == 1)
    }

    @Test func withoutOneTheCustomersUsualAdvisorIsTheDefault() throws {
        #expect(try #require(arrive(advisorID: nil).reception.form).advisorID == 3)
    }

    @Test func anAppointmentAdvisorNoLongerOfferedFallsBackToTheUsualOne() throws {
        // 99 left the shop (not among the active advisors): the usual advisor is chosen, never a stale id.
        #expect(try #require(arrive(advisorID: 99).reception.form).advisorID == 3)
    }
}
