import ConsoleCore
import Foundation
import ScreenKit
import ServiceDomain

/// The whole console as a pure function: state and size in, a frame out.
public enum ConsoleView {
    public static let minimumSize = Size(width: 80, height: 24)

    public static func render(_ state: AppState, size: Size) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: size)
        guard size.width >= minimumSize.width, size.height >= minimumSize.height else {
            renderTooSmall(state, into: &buffer)
            return buffer
        }
        let border: BorderStyle = state.asciiOnly ? .ascii : .unicode
        let area = buffer.bounds
        let (headerRow, rest) = area.splitTop(1)
        let (tabsRow, afterTabs) = rest.splitTop(1)
        let (body, bottom) = afterTabs.splitBottom(2)
        let (statusRow, helpRow) = bottom.splitTop(1)

        Header.render(state, into: &buffer, area: headerRow)
        TabBar(titles: Panel.allCases.map { "F\($0.functionKey) " + state.text($0.title) },
               shortTitles: Panel.allCases.map { "F\($0.functionKey) " + state.text($0.shortTitle) },
               active: Panel.allCases.firstIndex(of: state.panel)!, style: border)
            .render(into: &buffer, area: tabsRow)

        switch state.panel {
        case .find: FindPanel.render(state, into: &buffer, area: body, border: border)
        case .reception, .appointments: ReceptionView.render(state, into: &buffer, area: body, border: border)
        case .waitingBoard, .delivery: WorkshopView.render(state, into: &buffer, area: body, border: border)
        case .followUp: FollowUpView.render(state, into: &buffer, area: body, border: border)
        case .comebacks, .reports: InsightsView.render(state, into: &buffer, area: body, border: border)
        }

        StatusBar(message: state.status.map { state.text($0.message) } ?? "",
                  messageRole: state.status.map { role(for: $0.kind) } ?? .statusBar,
                  right: "")
            .render(into: &buffer, area: statusRow)
        HelpBar(items: KeyMap.helpBar(for: state).map { HelpItem(key: $0.keys, label: $0.label) })
            .render(into: &buffer, area: helpRow)

        switch state.overlay {
        case .help: HelpOverlay.render(state, into: &buffer, border: border)
        case .audit: AuditView.render(state, into: &buffer, area: body, border: border)
        case .confirmQuit:
            _ = Modal(title: state.text(Strings.confirmQuitTitle), message: state.text(Strings.confirmQuitBody),
                      hint: state.text(Strings.confirmQuitHint), style: border)
                .render(into: &buffer, area: buffer.bounds)
        case nil: break
        }
        return buffer
    }

    static func role(for kind: StatusKind) -> StyleRole {
        switch kind {
        case .info: .statusBar
        case .ok: .ok
        case .warning: .warning
        case .error: .error
        }
    }

    /// Below 80x24 a layout would be broken: say so instead, in the middle of whatever there is.
    private static func renderTooSmall(_ state: AppState, into buffer: inout ScreenBuffer) {
        guard buffer.size.width > 0, buffer.size.height > 0 else { return }
        let lines = [state.text(Strings.tooSmall),
                     "\(state.text(Strings.tooSmallNow)) \(buffer.size.width)x\(buffer.size.height)"]
        let top = max(0, (buffer.size.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < buffer.size.height {
            let fitted = line.ellipsized(toWidth: buffer.size.width)
            let x = max(0, (buffer.size.width - fitted.displayWidth) / 2)
            buffer.put(fitted, x: x, y: top + i, role: i == 0 ? .warning : .muted)
        }
    }
}

/// Shop name, operator and the clock in the shop's time zone.
enum Header {
    static func render(_ state: AppState, into buffer: inout ScreenBuffer, area: Rect) {
        buffer.fill(area, role: .header)
        let clock = ShopTime.weekdayDateTime(state.now, state.timeZone, language: state.language)
        let right = "\(state.text(Strings.operatorLabel)): \(state.operatorName)  \(clock) "
        let overdue = FollowUpFeature.overdueComplaintCount(state)
        // Overdue complaints are loud on every panel, not only in Follow-up.
        let alert = overdue > 0 ? " ! \(state.text(Strings.overdueComplaints(overdue))) " : ""
        let rightWidth = right.displayWidth
        let alertWidth = alert.displayWidth
        let title = " " + state.shopName
        buffer.put(title.ellipsized(toWidth: max(0, area.width - rightWidth - alertWidth - 2)), x: area.x, y: area.y,
                   role: .header, attributes: .bold)
        if overdue > 0 {
            buffer.put(alert, x: area.maxX - rightWidth - alertWidth - 1, y: area.y, role: "header.alert", attributes: .bold)
        }
        buffer.put(right, x: area.maxX - rightWidth, y: area.y, role: .header)
    }
}
