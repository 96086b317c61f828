//! Edit distance between folded names.

/// The candidate closest to `wanted`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    wanted: &str,
    candidates: impl Iterator<Item = &'a str>,
) -> Option<&'a str> {
    let limit = (wanted.chars().count() / 3).max(2);
    candidates
        .map(|c| (osa_distance(wanted, c), c))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, c)| c)
}

/// Optimal string alignment distance (Damerau–Levenshtein restricted to one
/// edit per substring): insertions, deletions, substitutions and transpositions
/// of two adjacent characters each cost one.
pub fn osa_distance(a: &str, b: &str) -> usize {
    // Names are short: keep them on the stack when they fit.
    let mut buf_a = ['\0'; 32];
    let mut buf_b = ['\0'; 32];
    let (na, nb) = (a.chars().count(), b.chars().count());
    if na <= 32 && nb <= 32 {
        for (slot, c) in buf_a.iter_mut().zip(a.chars()) {
            *slot = c;
        }
        for (slot, c) in buf_b.iter_mut().zip(b.chars()) {
            *slot = c;
        }
        return osa_chars(&buf_a[..na], &buf_b[..nb]);
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    osa_chars(&a, &b)
}

/// Row by row: only the last three rows of the table are ever read.
fn osa_chars(a: &[char], b: &[char]) -> usize {
    let width = b.len() + 1;
    let mut small = [[0usize; 33]; 3];
    let mut large = Vec::new();
    let [older, prev, row]: [&mut [usize]; 3] = if width <= 33 {
        let [x, y, z] = &mut small;
        [&mut x[..width], &mut y[..width], &mut z[..width]]
    } else {
        large.resize(3 * width, 0);
        let (x, rest) = large.split_at_mut(width);
        let (y, z) = rest.split_at_mut(width);
        [x, y, z]
    };
    let (mut older, mut prev, mut row) = (older, prev, row);
    for (j, cell) in prev.iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        row[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (prev[j] + 1).min(row[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(older[j - 2] + 1);
            }
            row[j] = best;
        }
        std::mem::swap(&mut older, &mut prev);
        std::mem::swap(&mut prev, &mut row);
    }
    prev[b.len()]
}

/// Whether `a` and `b` hold the same letters, two of them swapped.
pub fn is_transposition(a: &str, b: &str) -> bool {
    let mut x: Vec<char> = a.chars().collect();
    let mut y: Vec<char> = b.chars().collect();
    x.sort_unstable();
    y.sort_unstable();
    x == y && osa_distance(a, b) == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_each_kind_of_edit_once() {
        assert_eq!(osa_distance("", ""), 0);
        assert_eq!(osa_distance("abc", ""), 3);
        assert_eq!(osa_distance("durand", "durand"), 0);
        assert_eq!(osa_distance("dorothee", "dhorothe"), 2);
        assert_eq!(osa_distance("ia", "ai"), 1);
        assert_eq!(osa_distance("salesforse", "salesforce"), 1);
        assert_eq!(osa_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn recognises_transpositions() {
        assert!(is_transposition("ia", "ai"));
        assert!(!is_transposition("ia", "ia"));
        assert!(!is_transposition("ab", "ac"));
    }
}
