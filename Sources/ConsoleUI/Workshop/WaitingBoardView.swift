import ConsoleCore
import Foundation
import ScreenKit
import ServiceDomain

/// Every open order in one table, coloured by promise risk, riskiest first by default.
enum WaitingBoardView {
    static func render(_ state: AppState, into buffer: inout ScreenBuffer, area: Rect, border: BorderStyle) {
        let board = state.workshop.board
        let counts = board.page.map { state.text(WorkshopStrings.counts(total: $0.total, missed: $0.missed, atRisk: $0.atRisk)) }
        let box = Box(title: state.text(WorkshopStrings.boardTitle), rightTitle: counts, focused: true, style: border)
        var inner = box.render(into: &buffer, area: area)
        guard inner.height >= 4 else { return }

        // Filter and sort line, then the call prompt when cars are at risk.
        let advisor = board.filter.advisorID.flatMap { id in board.advisors.first { $0.id == id }?.name }
            ?? state.text(WorkshopStrings.allAdvisors)
        let stage = board.filter.stage.map { state.text($0.label) } ?? state.text(WorkshopStrings.allStages)
        var filterLine = "\(advisor) · \(stage)"
        if board.filter.waitersOnly { filterLine += " · " + state.text(WorkshopStrings.waitersOnly) }
        filterLine += " · \(state.text(WorkshopStrings.sortedBy)): \(state.text(board.sort.label))"
        buffer.write(filterLine, in: Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: 1), role: .muted)
        inner = inner.inset(top: 1)
        if let page = board.page, page.missed + page.atRisk > 0 {
            buffer.write(state.text(WorkshopStrings.callHint), in: Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: 1),
                         role: "ro.atRisk")
            inner = inner.inset(top: 1)
        }

        var tableArea = inner
        if let detail = board.detail {
            let detailHeight = min(max(8, detail.jobs.count + 6), inner.height / 2 + 2)
            let split = inner.splitBottom(detailHeight)
            tableArea = split.0
            RODetailView.render(detail, state: state, into: &buffer, area: split.1, border: border)
        }
        guard let page = board.page else {
            buffer.write(state.text(WorkshopStrings.loading), in: Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: 1),
                         role: .muted)
            return
        }
        let table = self.table(state, page: page, width: tableArea.width)
        // The window holds rows [offset, offset + count); the table state is relative to it.
        let visible = Table.visibleRowCount(in: tableArea)
        var tableState = TableState(selected: board.selected - page.offset, offset: 0, pageSize: visible)
        tableState.clamp(rowCount: page.rows.count, visibleHeight: visible)
        table.render(into: &buffer, area: tableArea, state: tableState)
    }

    static func table(_ state: AppState, page: BoardPage, width: Int) -> Table {
        let wide = width >= 110
        // From 91 columns (a 100-column terminal) names, headers and promised days fit whole; below that the
        // narrow set keeps 80 columns.
        let medium = !wide && width >= 91
        let roomy = wide || medium
        var columns = [
            TableColumn(state.text(WorkshopStrings.colPlate), width: .fixed(10)),
            TableColumn(state.text(WorkshopStrings.colCustomer), width: .fixed(roomy ? 8 : 6)),
            TableColumn(state.text(WorkshopStrings.colPhone), width: .fixed(11)),
            TableColumn(state.text(WorkshopStrings.colAdvisor), width: .fixed(roomy ? 8 : 6)),
            TableColumn(state.text(WorkshopStrings.colTechnician), width: .fixed(wide ? 13 : medium ? 8 : 6)),
            TableColumn(state.text(WorkshopStrings.colStage), width: .fixed(wide ? 11 : 8)),
            TableColumn(state.text(WorkshopStrings.colInStage), width: .fixed(roomy ? 8 : 6), alignment: .right),
            TableColumn(state.text(WorkshopStrings.colPromised), width: .fixed(roomy ? 12 : 6)),
            TableColumn(state.text(WorkshopStrings.colLeft), width: .fixed(7), alignment: .right),
            TableColumn(state.text(WorkshopStrings.colWaiter), width: .fixed(2)),
        ]
        if wide { columns.insert(TableColumn(state.text(WorkshopStrings.colRO), width: .fixed(16)), at: 0) }
        let rows = page.rows.map { row -> TableRow in
            let risk = row.risk(now: state.now)
            let role = WorkshopView.riskRole(risk)
            var cells = [
                TableCell(Plate.display(row.plate), role: role),
                TableCell(row.customerName),
                TableCell(PhoneNumber.masked(row.phone)),
                TableCell(row.advisorName),
                TableCell(row.technicians),
                TableCell(WorkshopView.shortStage(row.stage, state.language, narrow: !wide)),
                TableCell(WaitingBoardRules.duration(max(0, state.now.timeIntervalSince(row.stageSince)))),
                TableCell(ShopTime.clock(row.promisedAt, state.timeZone, now: state.now, withDay: roomy) + (row.delayNotices > 0 ? "*" : "")),
                TableCell(WaitingBoardRules.duration(row.promisedAt.timeIntervalSince(state.now)), role: role),
                TableCell(row.isWaiter ? WorkshopStrings.waiterMark : ""),
            ]
            if wide { cells.insert(TableCell(row.number, role: .muted), at: 0) }
            return TableRow(cells, role: role)
        }
        let empty = state.workshop.board.filter.isEmpty ? WorkshopStrings.emptyBoard : WorkshopStrings.emptyFiltered
        return Table(columns: columns, rows: rows, emptyMessage: state.text(empty))
    }
}

/// The order opened from the board: its jobs (with approvals), stage history and QC.
enum RODetailView {
    static func render(_ detail: RODetail, state: AppState, into buffer: inout ScreenBuffer, area: Rect, border: BorderStyle) {
        let o = detail.order
        let title = "\(o.number) · \(state.text(o.repairClass.label)) · \(state.text(o.stage.label))"
        let inner = Box(title: title, focused: true, style: border).render(into: &buffer, area: area)
        guard inner.height >= 2 else { return }
        var y = inner.y
        for (i, job) in detail.jobs.enumerated() where y < inner.maxY - 2 {
            let tech = job.technicianID.flatMap { detail.technicianNames[$0] } ?? "—"
            let mark = job.isAdditional ? "+" : " "
            var text = "\(mark) \(job.description)  \(tech)  \(jobStatus(job.status, state))  \(job.labour + job.parts)"
            if job.labourHours > 0 { text += " \(LabourHoursInput.format(minutes: Int((job.labourHours * 60).rounded())))h" }
            if let method = job.approvalMethod, let at = job.decidedAt {
                text += "  \(state.text(method.label)) \(ShopTime.clock(at, state.timeZone, now: state.now))"
            }
            let line = Rect(x: inner.x, y: y, width: inner.width, height: 1)
            let selected = i == state.workshop.board.detailJob
            if selected { buffer.fill(line, role: .selection) }
            buffer.write(text, in: line, role: selected ? .selection : (job.status == .awaitingApproval ? "ro.atRisk" : .normal))
            y += 1
        }
        let times = stageTimes(detail.history, now: state.now)
        let history = detail.history.map { c in "\(WorkshopView.shortStage(c.to, state.language)) \(ShopTime.clock(c.at, state.timeZone, now: state.now))" }
            .suffix(6).joined(separator: " → ")
        buffer.write(history, in: Rect(x: inner.x, y: inner.maxY - 2, width: inner.width, height: 1), role: .muted)
        var qcLine = detail.checks.last.map { qc in
            state.text(WorkshopStrings.qcResult(passed: qc.passed, inspector: qc.inspectorName))
        } ?? (ROLifecycle.isQCMandatory(o.repairClass)
              ? state.text(WorkshopStrings.qcMandatory) : "")
        if let current = times[o.stage] { qcLine += "  " + WaitingBoardRules.duration(current) }
        if !detail.delays.isEmpty {
            qcLine += state.text(WorkshopStrings.delaysNotified(detail.delays.count))
        }
        buffer.write(qcLine, in: Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1), role: .muted)
    }

    static func jobStatus(_ status: JobStatus, _ state: AppState) -> String {
        state.text(WorkshopStrings.jobStatus(status))
    }

    /// Seconds in each stage from the history; the current stage counts up to now.
    static func stageTimes(_ history: [StageChange], now: Date) -> [ROStage: TimeInterval] {
        var result: [ROStage: TimeInterval] = [:]
        for (i, change) in history.enumerated() {
            let end = i + 1 < history.count ? history[i + 1].at : now
            result[change.to, default: 0] += max(0, end.timeIntervalSince(change.at))
        }
        return result
    }
}
