//! A money amount as read: the figure, the interval it stands for, its
//! currency and hedge; and how amounts are written in messages.

use std::ops::Range;

#[derive(Clone, Debug, PartialEq)]
pub struct Amount {
    /// From the hedge (or currency symbol) to the currency word, as written.
    pub range: Range<usize>,
    /// The figure as stated, scale applied.
    pub value: f64,
    pub low: f64,
    pub high: f64,
    /// ISO code, when the amount says it.
    pub currency: Option<String>,
    /// The hedge as the lexicon writes it ("près de").
    pub hedge: Option<String>,
}

/// The scale a figure is best read at: (divisor, suffix).
fn scale_of(value: f64) -> (f64, &'static str) {
    match value.abs() {
        v if v >= 1e9 => (1e9, "B"),
        v if v >= 1e6 => (1e6, "M"),
        v if v >= 1e4 => (1e3, "K"),
        _ => (1.0, ""),
    }
}

fn trimmed(value: f64) -> String {
    let text = format!("{value:.3}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A figure for people: `105M`, `2.6B`, `16.3M`, `950K`, `15`.
pub fn compact(value: f64) -> String {
    let (divisor, suffix) = scale_of(value);
    format!("{}{suffix}", trimmed(value / divisor))
}

/// An amount with its currency for messages: `EUR 15M`, `USD 2–2.6B`.
pub fn describe(low: f64, high: f64, currency: Option<&str>) -> String {
    let (divisor, suffix) = scale_of(high);
    let figure = if (high - low).abs() <= f64::EPSILON * high.abs().max(1.0) {
        compact(low)
    } else {
        format!(
            "{}–{}{suffix}",
            trimmed(low / divisor),
            trimmed(high / divisor)
        )
    };
    match currency {
        Some(c) => format!("{c} {figure}"),
        None => figure,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_figures_compactly() {
        assert_eq!(compact(105e6), "105M");
        assert_eq!(compact(2.6e9), "2.6B");
        assert_eq!(compact(16.25e6), "16.25M");
        assert_eq!(compact(15.0), "15");
        assert_eq!(describe(14.5e6, 15.5e6, Some("EUR")), "EUR 14.5–15.5M");
        assert_eq!(describe(950e3, 1.5e6, None), "0.95–1.5M");
    }
}
