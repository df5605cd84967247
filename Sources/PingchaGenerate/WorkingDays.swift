import PingchaModel

/// Working days (工作日) as the generator approximates them: Monday to Friday.
///
/// Synthetic timelines only need to respect the statutory periods "mostly"; the review itself
/// counts with the State Council holiday calendar, so a few generated cases that are on time
/// by Mon–Fri and late by the real calendar are realistic noise, not a bug.
extension CivilDate {
    var isWorkingDay: Bool { weekday <= 5 }

    /// The date `n` working days after this one (the start day is not counted).
    func addingWorkingDays(_ n: Int) -> CivilDate {
        var d = self
        var left = n
        while left > 0 {
            d = d.adding(days: 1)
            if d.isWorkingDay { left -= 1 }
        }
        return d
    }

    /// The date `n` working days before this one.
    func subtractingWorkingDays(_ n: Int) -> CivilDate {
        var d = self
        var left = n
        while left > 0 {
            d = d.adding(days: -1)
            if d.isWorkingDay { left -= 1 }
        }
        return d
    }

    /// The later of a date and an optional one.
    static func latest(_ a: CivilDate, _ b: CivilDate?) -> CivilDate {
        guard let b else { return a }
        return b > a ? b : a
    }
}
