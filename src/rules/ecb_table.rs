//! The European Central Bank's daily euro reference rates, embedded as the
//! compact table `scripts/update-fx` writes (`data/fx/ecb-daily.bin`; its
//! layout is described there). Nothing is parsed at start-up: a lookup reads
//! the few bytes it needs, so a run that converts nothing pays nothing.

use chrono::{Days, NaiveDate};

static TABLE: &[u8] = include_bytes!("../../data/fx/ecb-daily.bin");

const MAGIC: &[u8; 4] = b"CCFX";
const HEADER: usize = 16;

/// A view of a table in the layout of `scripts/update-fx`.
#[derive(Clone, Copy)]
pub struct EcbTable {
    bytes: &'static [u8],
    currencies: usize,
    first: NaiveDate,
    rows: usize,
}

/// One published rate: how many units of a currency one euro bought, and on
/// which day the ECB published it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Published {
    pub rate: f64,
    pub day: NaiveDate,
}

impl EcbTable {
    /// The table built into the binary.
    pub fn embedded() -> EcbTable {
        // The file is written by our own script and checked by a test: a bad one
        // is a build defect, not user input.
        EcbTable::new(TABLE).expect("data/fx/ecb-daily.bin is a table of scripts/update-fx")
    }

    /// Reads the header of `bytes`; `None` when it is no table of this layout
    /// or is shorter than its header says.
    pub fn new(bytes: &'static [u8]) -> Option<EcbTable> {
        if bytes.len() < HEADER || &bytes[..4] != MAGIC || u16_at(bytes, 4) != 1 {
            return None;
        }
        let currencies = usize::from(u16_at(bytes, 6));
        let first = NaiveDate::from_ymd_opt(
            i32::from(u16_at(bytes, 8)),
            u32::from(bytes[10]),
            u32::from(bytes[11]),
        )?;
        let rows = u32::from_le_bytes(bytes[12..16].try_into().ok()?) as usize;
        let table = EcbTable {
            bytes,
            currencies,
            first,
            rows,
        };
        (rows > 0 && bytes.len() == table.values_at() + rows * currencies * 4).then_some(table)
    }

    /// The currency codes, in the table's order.
    pub fn currencies(&self) -> impl Iterator<Item = &'static str> + '_ {
        let bytes = self.bytes;
        (0..self.currencies).filter_map(move |i| {
            std::str::from_utf8(&bytes[HEADER + 3 * i..HEADER + 3 * i + 3]).ok()
        })
    }

    /// The column of a currency, if the ECB publishes it.
    pub fn column(&self, code: &str) -> Option<usize> {
        self.currencies().position(|c| c == code)
    }

    pub fn first_day(&self) -> NaiveDate {
        self.first
    }

    pub fn last_day(&self) -> NaiveDate {
        self.day(self.rows - 1)
    }

    /// How many days the ECB published rates.
    pub fn published_days(&self) -> usize {
        self.rows
    }

    fn offsets_at(&self) -> usize {
        HEADER + 3 * self.currencies
    }

    fn values_at(&self) -> usize {
        self.offsets_at() + 2 * self.rows
    }

    /// The day of a row.
    pub fn day(&self, row: usize) -> NaiveDate {
        let offset = u16_at(self.bytes, self.offsets_at() + 2 * row);
        self.first + Days::new(u64::from(offset))
    }

    /// The last row published on or before `day` (a binary search of the days).
    pub fn row_on_or_before(&self, day: NaiveDate) -> Option<usize> {
        let wanted = u16::try_from((day - self.first).num_days()).ok();
        let Some(wanted) = wanted else {
            // Before the first day, or so far after it that every row is before.
            return (day > self.first).then(|| self.rows - 1);
        };
        let (mut low, mut high) = (0, self.rows);
        while low < high {
            let mid = (low + high) / 2;
            if u16_at(self.bytes, self.offsets_at() + 2 * mid) <= wanted {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        low.checked_sub(1)
    }

    /// The rate of a column on a row, exactly as the ECB wrote it; `None`
    /// where it published none.
    pub fn rate(&self, row: usize, column: usize) -> Option<f64> {
        let at = self.values_at() + 4 * (row * self.currencies + column);
        let cell = u32::from_le_bytes(self.bytes[at..at + 4].try_into().ok()?);
        if cell == 0 {
            return None;
        }
        let digits = f64::from(cell & ((1 << 28) - 1));
        // Both are exact in an f64, and the division is correctly rounded: the
        // same f64 as the decimal text read by a parser.
        Some(digits / 10f64.powi((cell >> 28) as i32))
    }

    /// The rate of `column` published on `day`, else on the last day before it
    /// that has one, looking back at most `look_back` days.
    pub fn rate_on(&self, column: usize, day: NaiveDate, look_back: u64) -> Option<Published> {
        let earliest = day.checked_sub_days(Days::new(look_back))?;
        let mut row = self.row_on_or_before(day)?;
        loop {
            let published = self.day(row);
            if published < earliest {
                return None;
            }
            if let Some(rate) = self.rate(row, column) {
                return Some(Published {
                    rate,
                    day: published,
                });
            }
            row = row.checked_sub(1)?;
        }
    }
}

impl std::fmt::Debug for EcbTable {
    /// The extent, not the megabyte of rates.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "EcbTable({} currencies, {} to {})",
            self.currencies,
            self.first,
            self.last_day()
        )
    }
}

fn u16_at(bytes: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([bytes[at], bytes[at + 1]])
}

#[cfg(test)]
mod tests {
    use super::{EcbTable, TABLE};

    #[test]
    fn a_table_shorter_or_longer_than_its_header_says_is_refused() {
        assert!(EcbTable::new(TABLE).is_some());
        assert!(EcbTable::new(&TABLE[..TABLE.len() - 1]).is_none());
        assert!(EcbTable::new(&TABLE[..10]).is_none());
        assert!(EcbTable::new(b"not a table of rates at all").is_none());
    }
}
