import ConsoleCore
import Foundation
import ScreenKit
import ServiceDomain

/// The follow-up panel (F7): the callback queue and the complaints, with their forms.
enum FollowUpView {
    static func render(_ state: AppState, into buffer: inout ScreenBuffer, area: Rect, border: BorderStyle) {
        let f = state.followUp
        let box = Box(title: state.text(Strings.panelFollowUp), rightTitle: tabs(state), focused: true, style: border)
        let inner = box.render(into: &buffer, area: area)
        guard inner.height >= 3 else { return }
        if f.snapshot == nil {
            buffer.write(state.text(FollowUpStrings.loading), in: Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: 1),
                         role: .muted)
        } else {
            switch f.tab {
            case .callbacks: CallbackQueueView.render(state, into: &buffer, area: inner, border: border)
            case .complaints: ComplaintsView.render(state, into: &buffer, area: inner, border: border)
            }
        }
        if let survey = f.survey { FollowUpDialogs.renderSurvey(survey, state, into: &buffer, area: area, border: border) }
        if let picker = f.picker { FollowUpDialogs.renderPicker(picker, state, into: &buffer, area: area, border: border) }
        if let prompt = f.prompt { FollowUpDialogs.renderPrompt(prompt, state, into: &buffer, area: area, border: border) }
    }

    /// "[回访队列 3] 投诉 2 (1 逾期)": the active tab in brackets, the counts that matter.
    static func tabs(_ state: AppState) -> String {
        let f = state.followUp
        let calls = "\(state.text(FollowUpStrings.tabCallbacks)) \(f.queue.count)"
        let open = f.complaints.filter(\.complaint.isOpen).count
        var complaints = "\(state.text(FollowUpStrings.tabComplaints)) \(open)"
        let late = FollowUpFeature.overdueComplaintCount(state)
        if late > 0 { complaints += " (\(late) \(state.text(FollowUpStrings.overdueMark)))" }
        return f.tab == .callbacks ? "[\(calls)] \(complaints)" : "\(calls) [\(complaints)]"
    }
}

/// Overdue first, then due soonest; the full phone number, since this is where the call is made.
enum CallbackQueueView {
    static func render(_ state: AppState, into buffer: inout ScreenBuffer, area: Rect, border: BorderStyle) {
        let f = state.followUp
        let tasks = f.snapshot?.tasks ?? []
        var tableArea = area
        var detailArea: Rect?
        var tasksArea: Rect?
        if !tasks.isEmpty, area.height >= 12 {
            let split = tableArea.splitBottom(min(tasks.count, 3) + 1)
            tableArea = split.0
            tasksArea = split.1
        }
        if f.selectedCallbackRow != nil, tableArea.height >= 8 {
            let split = tableArea.splitBottom(2)
            tableArea = split.0
            detailArea = split.1
        }
        let wide = area.width >= 110
        let columns = [
            TableColumn(state.text(FollowUpStrings.colDue), width: .fixed(wide ? 17 : 12)),
            TableColumn(state.text(FollowUpStrings.colCustomer), width: .fixed(wide ? 10 : 8)),
            TableColumn(state.text(FollowUpStrings.colPhone), width: .fixed(11)),
            TableColumn(state.text(FollowUpStrings.colVehicle), width: .fixed(wide ? 20 : 10)),
            TableColumn(state.text(FollowUpStrings.colWork), width: .fill),
            TableColumn(state.text(FollowUpStrings.colPreferred), width: .fixed(wide ? 12 : 8)),
            TableColumn(state.text(FollowUpStrings.colAttempts), width: .fixed(5), alignment: .right),
        ]
        // Only the rows on screen are built (the queue can hold hundreds).
        let visible = Table.visibleRowCount(in: tableArea)
        var scroll = f.callbackTable   // the feature's selection and scroll, fitted to the rows on screen
        scroll.clamp(rowCount: f.queue.count, visibleHeight: visible)
        let window = scroll.visibleRows(rowCount: f.queue.count, visibleHeight: visible)
        let rows = f.queue[window].map { row -> TableRow in
            let c = row.callback
            let role: StyleRole
            let due: String
            if !FollowUpRules.isReadyToCall(c, now: state.now), let next = c.nextTryAt {
                role = .muted
                due = "\(state.text(FollowUpStrings.retryAt)) \(ShopTime.clock(next, state.timeZone, now: state.now))"
            } else if FollowUpRules.isOverdue(c, now: state.now) {
                role = "callback.overdue"
                // Narrow screens keep the whole time and mark lateness with "!" (the colour says it too).
                due = ShopTime.clock(c.dueAt, state.timeZone, now: state.now) + (wide ? " \(state.text(FollowUpStrings.overdueMark))" : "!")
            } else {
                role = "callback.due"
                due = ShopTime.clock(c.dueAt, state.timeZone, now: state.now)
            }
            let vehicle = wide ? "\(Plate.display(row.plate)) \(row.model)" : Plate.display(row.plate)
            var work = row.technicians.isEmpty ? row.workDone : "\(row.workDone)（\(row.technicians)）"
            if c.kind == .complaintConfirmation { work = state.text(FollowUpStrings.confirmationMark) + work }
            return TableRow([TableCell(due, role: role), TableCell(row.customerName),
                             TableCell(row.phone), TableCell(vehicle), TableCell(work),
                             TableCell(preferred(row, state)), TableCell(String(c.attempts))], role: role)
        }
        Table(columns: columns, rows: [], emptyMessage: state.text(FollowUpStrings.emptyQueue))
            .window(rows, from: window.lowerBound, of: f.queue.count)
            .render(into: &buffer, area: tableArea, state: scroll)

        if let detailArea, let row = f.selectedCallbackRow {
            let line1 = "\(row.roNumber) · \(row.model) · \(state.text(FollowUpStrings.advisor)) "
                + row.advisorName
                + (row.deliveredAt.map { " · \(state.text(FollowUpStrings.delivered)) \(ShopTime.clock($0, state.timeZone, now: state.now, withDay: true))" } ?? "")
            buffer.write(line1, in: Rect(x: detailArea.x + 1, y: detailArea.y + 1, width: detailArea.width - 2, height: 1), role: .muted)
        }
        if let tasksArea {
            buffer.write(state.text(FollowUpStrings.tasksTitle), in: Rect(x: tasksArea.x + 1, y: tasksArea.y, width: tasksArea.width - 2, height: 1),
                         role: .warning)
            for (i, row) in tasks.prefix(tasksArea.height - 1).enumerated() {
                let text = "\(Plate.display(row.plate)) \(row.customerName) \(row.phone) · \(row.roNumber)"
                buffer.write(text, in: Rect(x: tasksArea.x + 2, y: tasksArea.y + 1 + i, width: tasksArea.width - 3, height: 1))
            }
        }
    }
}

extension CallbackQueueView {
    /// The picked window (the rule the due time follows) and the customer's own words beside it.
    static func preferred(_ row: CallbackRow, _ state: AppState) -> String {
        let words = row.preferredCallTime
        guard row.callWindow != .anyTime, CallWindow.read(row.preferredCallTime) != row.callWindow else { return words }
        let window = state.text(row.callWindow.short)
        return words.isEmpty ? window : "\(window) \(words)"
    }
}

/// Open complaints (overdue ones red) and, when one is opened, its steps.
enum ComplaintsView {
    static func render(_ state: AppState, into buffer: inout ScreenBuffer, area: Rect, border: BorderStyle) {
        let f = state.followUp
        let settings = f.snapshot?.complaintSettings ?? ComplaintSettings()
        var tableArea = area
        if let detail = f.detail {
            let height = min(max(9, detail.history.count + 7), area.height - 4)
            let split = area.splitBottom(height)
            tableArea = split.0
            renderDetail(detail, state, settings: settings, into: &buffer, area: split.1, border: border)
        }
        let wide = area.width >= 110
        let columns = [
            TableColumn(state.text(FollowUpStrings.colOpened), width: .fixed(11)),
            TableColumn(state.text(FollowUpStrings.colCustomer), width: .fixed(8)),
            // As wide as the longest plate: a plate is never cut.
            TableColumn(state.text(FollowUpStrings.colVehicle),
                        width: .fixed(max(9, f.complaints.map { Plate.display($0.plate).displayWidth }.max() ?? 0))),
            TableColumn(state.text(FollowUpStrings.colCategory), width: .fixed(wide ? 16 : 12)),
            TableColumn(state.text(FollowUpStrings.colStep), width: .fixed(wide ? 12 : 10)),
            TableColumn(state.text(FollowUpStrings.colOwner), width: .fixed(wide ? 10 : 8)),
            TableColumn(state.text(FollowUpStrings.colTimer), width: .fill),
        ]
        let rows = f.complaints.map { row -> TableRow in
            let c = row.complaint
            let overdue = ComplaintRules.isOverdue(c, now: state.now, settings: settings)
            let role: StyleRole? = overdue ? "complaint.overdue" : (c.isOpen ? nil : .muted)
            return TableRow([TableCell(ShopTime.clock(c.openedAt, state.timeZone, now: state.now, withDay: true)),
                             TableCell(row.customerName), TableCell(Plate.display(row.plate)),
                             TableCell(state.text(c.category.label)), TableCell(state.text(c.step.label)),
                             TableCell(row.ownerName.isEmpty ? state.text(FollowUpStrings.unowned) : row.ownerName),
                             TableCell(timer(c, state, settings: settings, labelled: wide), role: role)], role: role)
        }
        let table = Table(columns: columns, rows: rows, emptyMessage: state.text(FollowUpStrings.emptyComplaints))
        let visible = Table.visibleRowCount(in: tableArea)
        var tableState = f.complaintTable
        tableState.clamp(rowCount: rows.count, visibleHeight: visible)
        table.render(into: &buffer, area: tableArea, state: tableState)
    }

    /// The timer that matters now: first contact until made, then resolution.
    static func timer(_ c: Complaint, _ state: AppState, settings: ComplaintSettings, labelled: Bool = true) -> String {
        func label(_ m: Message) -> String { labelled ? state.text(m) + " " : "" }
        if !c.isOpen {
            return c.closedAt.map { "\(label(FollowUpStrings.closedAt))\(ShopTime.clock($0, state.timeZone, now: state.now, withDay: true))" } ?? ""
        }
        if c.firstContactAt == nil {
            let due = ComplaintRules.firstContactDue(c, settings: settings)
            return "\(label(FollowUpStrings.firstContactDue))\(ShopTime.clock(due, state.timeZone, now: state.now, withDay: true))"
                + (state.now > due ? (labelled ? " \(state.text(FollowUpStrings.overdueMark))" : "!") : "")
        }
        let due = ComplaintRules.resolutionDue(c, settings: settings)
        return "\(label(FollowUpStrings.resolutionDue))\(ShopTime.clock(due, state.timeZone, now: state.now, withDay: true))"
            + (state.now > due ? (labelled ? " \(state.text(FollowUpStrings.overdueMark))" : "!") : "")
    }

    static func renderDetail(_ detail: ComplaintDetail, _ state: AppState, settings: ComplaintSettings,
                             into buffer: inout ScreenBuffer, area: Rect, border: BorderStyle) {
        let c = detail.row.complaint
        // The full number: the handler calls the customer from here.
        let title = "\(state.text(FollowUpStrings.tabComplaints)) · \(detail.row.customerName) "
            + detail.row.phone
        let inner = Box(title: title, rightTitle: detail.row.roNumber, focused: true, style: border).render(into: &buffer, area: area)
        guard inner.height >= 3 else { return }
        let overdue = ComplaintRules.isOverdue(c, now: state.now, settings: settings)
        var lines: [(String, StyleRole?)] = [
            ("\(state.text(c.category.label)) · \(state.text(c.channel.label)) · \(state.text(c.step.label)) · "
                + "\(state.text(FollowUpStrings.colOwner)) \(detail.row.ownerName.isEmpty ? state.text(FollowUpStrings.unowned) : detail.row.ownerName)",
             nil),
            (c.description, nil),
            (timer(c, state, settings: settings), overdue ? "complaint.overdue" : .muted),
            (state.text(FollowUpStrings.history), .muted),
        ]
        for h in detail.history {
            var text = "\(ShopTime.clock(h.at, state.timeZone, now: state.now, withDay: true)) \(state.text(h.step.label)) \(h.operatorName)"
            if !h.note.isEmpty { text += ": \(h.note)" }
            lines.append(("  " + text, nil))
        }
        if !c.closeReason.isEmpty { lines.append((c.closeReason, .muted)) }
        for (i, line) in lines.prefix(inner.height).enumerated() {
            buffer.write(line.0, in: Rect(x: inner.x + 1, y: inner.y + i, width: inner.width - 2, height: 1), role: line.1 ?? .normal)
        }
    }
}
