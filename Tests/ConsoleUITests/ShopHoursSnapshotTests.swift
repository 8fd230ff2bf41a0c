import ConsoleCore
import ConsoleUI
import Foundation
import ScreenKit
import ServiceDomain
import Testing

private let now = Date(timeIntervalSince1970: 1_795_327_500) // 2026-11-22 14:05 in Shanghai
private let zone = TimeZone(identifier: "Asia/Shanghai")!
private let small = Size(width: 80, height: 24)
private let large = Size(width: 120, height: 40)

private func base(_ language: Language) -> AppState {
    AppState(language: language, shopName: "粤信一汽-大众4S店（广州天河）", operatorName: "陈小玲", now: now, timeZone: zone)
}

/// The no-show question over the day, and the follow-up queue with a picked window and a retry among the calls.
@Suite struct ShopHoursSnapshotTests {
    @Test func keysOfTheNoShowQuestion() {
        var s = base(.en)
        _ = reduce(&s, .keyPressed(.function(4)))
        let today = ShopCalendar.startOfDay(now, zone)
        let row = AppointmentListing(appointment: Appointment(id: 1, customerID: 1, vehicleID: 11, slotStart: today.addingTimeInterval(10 * 3600),
                                                          serviceType: .maintenance, concerns: "两万公里保养", status: .confirmed),
                                 customerName: "王芳", phone: "13812345678", plate: "粤A12345", model: "迈腾")
        _ = reduce(&s, .reception(.dayLoaded(day: today, rows: [row], hours: .standard, noShow: NoShowStats(noShows: 3, concluded: 40))))
        let lines = s.reception.appointments.lines(timeZone: zone)
        s.reception.appointments.table.select(lines.firstIndex { if case .appointment = $0 { true } else { false } }!,
                                              rowCount: lines.count)
        _ = reduce(&s, .keyPressed(.character("n")))
        #expect(s.reception.appointments.noShowQuestion != nil)
        assertHelp(s, panel: .appointments, mode: "dialog-no-show")
    }

    @Test func theNoShowQuestion() {
        var s = base(.en)
        _ = reduce(&s, .keyPressed(.function(4)))
        let today = ShopCalendar.startOfDay(now, zone)
        let row = AppointmentListing(appointment: Appointment(id: 1, customerID: 1, vehicleID: 11, slotStart: today.addingTimeInterval(10 * 3600),
                                                          serviceType: .maintenance, concerns: "两万公里保养", status: .confirmed),
                                 customerName: "王芳", phone: "13812345678", plate: "粤A12345", model: "迈腾")
        _ = reduce(&s, .reception(.dayLoaded(day: today, rows: [row], hours: .standard, noShow: NoShowStats(noShows: 3, concluded: 40))))
        let lines = s.reception.appointments.lines(timeZone: zone)
        s.reception.appointments.table.select(lines.firstIndex { if case .appointment = $0 { true } else { false } }!,
                                              rowCount: lines.count)
        _ = reduce(&s, .keyPressed(.character("n")))
        assertSnapshot(ConsoleView.render(s, size: small), named: "appointments-no-show-question-en-80x24")
    }

    @Test func theQueueWithACallingWindowAndARetry() {
        var s = base(.zhHans)
        _ = reduce(&s, .keyPressed(.function(7)))
        func row(_ id: RowID, _ name: String, due: Double, retry: Double? = nil, window: CallWindow = .anyTime,
                 words: String = "") -> CallbackRow {
            CallbackRow(callback: Callback(id: id, repairOrderID: id, dueAt: now.addingTimeInterval(due * 60),
                                           attempts: retry == nil ? 0 : 1, nextTryAt: retry.map { now.addingTimeInterval($0 * 60) }),
                        roNumber: "RO-20261121-000\(id)", customerID: id, customerName: name, phone: "1381234567\(id)",
                        plate: "粤A1234\(id)", model: "迈腾", advisorID: 1, advisorName: "李娜", workDone: "更换前刹车片",
                        technicians: "刘德明", preferredCallTime: words, deliveredAt: nil, callWindow: window)
        }
        // Sorted as the store sorts them: the retry at 15:05 sits between the 14:35 and 16:05 calls.
        let queue = [row(1, "王芳", due: -60), row(2, "张伟", due: 30, window: .notLunchtime),
                     row(3, "陈静", due: -120, retry: 60), row(4, "欧阳建华", due: 120, window: .afternoon, words: "下午3点后")]
            .sorted { FollowUpRules.queueOrder($0.callback, $1.callback, now: now) }
        _ = reduce(&s, .followUp(.loaded(FollowUpSnapshot(queue: queue, tasks: [], complaints: [], settings: FollowUpSettings(),
                                                          complaintSettings: ComplaintSettings(), staff: []))))
        assertSnapshot(ConsoleView.render(s, size: large), named: "followup-queue-windows-120x40")
    }
}
