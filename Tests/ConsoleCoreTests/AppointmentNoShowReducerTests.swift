import ConsoleCore
import Foundation
import ScreenKit
import ServiceDomain
import Testing

/// `n` on the Appointments panel asks before a no-show is marked, and undoes one the same way.
/// `fixedNow` is 14:05 in Shanghai; the appointments are today at 10:00, so their slots have begun.
@Suite struct AppointmentNoShowReducerTests {
    let today = ShopCalendar.startOfDay(fixedNow, shanghai)

    func row(_ id: RowID, status: AppointmentStatus) -> AppointmentListing {
        AppointmentListing(appointment: Appointment(id: id, customerID: 7, vehicleID: 70, slotStart: today.addingTimeInterval(10 * 3600),
                                                serviceType: .maintenance, status: status, version: 4),
                       customerName: "王芳", phone: "13812345678", plate: "粤A12345", model: "迈腾")
    }

    func onAppointment(_ status: AppointmentStatus) -> AppState {
        var s = freshState(.en)
        send(&s, .function(4))
        _ = reduce(&s, .reception(.dayLoaded(day: today, rows: [row(1, status: status)], hours: receptionHours,
                                             noShow: NoShowStats())))
        // The panel starts on the slot in progress; the appointment is the line under 10:00.
        let lines = s.reception.appointments.lines(timeZone: shanghai)
        let index = lines.firstIndex { if case .appointment = $0 { return true } else { return false } }!
        s.reception.appointments.table.select(index, rowCount: lines.count)
        return s
    }

    @Test func nAsksFirstAndOnlyYMarksTheNoShow() {
        var s = onAppointment(.confirmed)
        #expect(send(&s, .character("n")) == [])
        #expect(s.reception.appointments.noShowQuestion?.text.en == "Mark 王芳 粤A·12345 (10:00) as a no-show?")
        // A second n (or Esc) answers no: nothing is marked.
        assertReduce(&s, .keyPressed(.character("n"))) { $0.reception.appointments.noShowQuestion = nil }
        send(&s, .character("n"))
        #expect(send(&s, .character("y")) == [.reception(.setAppointmentStatus(id: 1, version: 4, status: .noShow, reload: today))])
        #expect(s.reception.appointments.noShowQuestion == nil)
    }

    @Test func nOnANoShowAsksToUndoIt() {
        var s = onAppointment(.noShow)
        #expect(send(&s, .character("n")) == [])
        #expect(s.reception.appointments.noShowQuestion?.undo == true)
        #expect(s.reception.appointments.noShowQuestion?.text.en.hasPrefix("Undo the no-show of 王芳") == true)
        #expect(send(&s, .character("y")) == [.reception(.undoNoShow(id: 1, version: 4, reload: today))])
        // The customer turned up late instead: a marks the arrival.
        #expect(send(&s, .character("a")) == [.reception(.arrive(id: 1, version: 4, reload: today))])
    }

    @Test func escClosesTheQuestion() {
        var s = onAppointment(.booked)
        send(&s, .character("n"))
        #expect(s.reception.appointments.noShowQuestion != nil)
        send(&s, .escape)
        #expect(s.reception.appointments.noShowQuestion == nil)
    }
}
