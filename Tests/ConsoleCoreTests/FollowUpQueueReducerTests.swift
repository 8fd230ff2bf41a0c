import ConsoleCore
import Foundation
import ScreenKit
import ServiceDomain
import Testing

private let now = Date(timeIntervalSince1970: 1_795_327_500) // 2026-11-22 14:05 in Shanghai
private let zone = TimeZone(identifier: "Asia/Shanghai")!

private func row(_ id: RowID, name: String, dueIn minutes: Double, window: CallWindow = .anyTime) -> CallbackRow {
    CallbackRow(callback: Callback(id: id, repairOrderID: 70 + id, dueAt: now.addingTimeInterval(minutes * 60), version: 1),
                roNumber: "RO-20261121-000\(id)", customerID: 100 + id, customerName: name, phone: "1381234567\(id)",
                plate: "粤A1234\(id)", model: "迈腾", advisorID: 1, advisorName: "李娜", workDone: "保养", technicians: "",
                preferredCallTime: "", deliveredAt: nil, callWindow: window)
}

private func snapshot(_ queue: [CallbackRow]) -> FollowUpSnapshot {
    FollowUpSnapshot(queue: queue, tasks: [], complaints: [], settings: FollowUpSettings(),
                     complaintSettings: ComplaintSettings(), staff: [])
}

private func queueState(_ queue: [CallbackRow]) -> AppState {
    var s = AppState(language: .en, shopName: "Shop", operatorName: "李娜", now: now, timeZone: zone)
    _ = reduce(&s, .keyPressed(.function(7)))
    _ = reduce(&s, .followUp(.loaded(snapshot(queue))))
    return s
}

@Suite struct FollowUpQueueReducerTests {
    @Test func afterANoAnswerTheCursorStaysOnTheRowNotOnTheRetriedCall() {
        let a = row(1, name: "王芳", dueIn: -60), b = row(2, name: "张伟", dueIn: -30), c = row(3, name: "陈静", dueIn: -10)
        var s = queueState([a, b, c])
        _ = reduce(&s, .keyPressed(.down))
        #expect(s.followUp.selectedCallbackRow?.id == 2)
        #expect(reduce(&s, .keyPressed(.character("n")))
                == [.followUp(.recordOutcome(callbackID: 2, version: 1, outcome: .noAnswer, callBackAt: nil))])
        // The store answers; the retried call now sorts after 陈静's.
        var retried = b
        retried.callback.nextTryAt = now.addingTimeInterval(7200)
        #expect(reduce(&s, .followUp(.saved(Message(zh: "x", en: "x")))) == [.followUp(.load)])
        _ = reduce(&s, .followUp(.loaded(snapshot([a, c, retried]))))
        #expect(s.followUp.selectedCallbackRow?.id == 3)
        // A reload that was not caused by a call here (another desk) follows the selected call.
        _ = reduce(&s, .followUp(.loaded(snapshot([c, a, retried]))))
        #expect(s.followUp.selectedCallbackRow?.id == 3)
    }

    @Test func pPicksTheCustomersCallingWindowFromAShortList() {
        var s = queueState([row(1, name: "王芳", dueIn: 60, window: .morning)])
        #expect(reduce(&s, .keyPressed(.character("p"))) == [])
        #expect(s.followUp.picker?.options.map(\.value) == CallWindow.allCases.map(\.rawValue))
        // The customer's current window is the one selected.
        #expect(s.followUp.picker?.selected == CallWindow.allCases.firstIndex(of: .morning))
        _ = reduce(&s, .keyPressed(.down))
        #expect(reduce(&s, .keyPressed(.enter))
                == [.followUp(.setCallWindow(customerID: 101, customerName: "王芳", window: .notLunchtime))])
        #expect(s.followUp.picker == nil)
    }
}
