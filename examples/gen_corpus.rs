//! Writes a deterministic corpus of articles about the shipped fact base, in
//! French and English, with known planted findings and known clean claims, for
//! benchmarks: `cargo run --release --example gen_corpus -- --mb 20 --out /tmp/corpus`.
//! A `manifest.json` beside the articles says how many findings of each code
//! were planted, so that a run can check that none was lost.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// xorshift64*: small, fast and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Prose with entity mentions and no claim.
const FILLER_FR: &[&str] = &[
    "Les équipes de Mistral AI travaillent à Paris sur des modèles ouverts et des offres pour les entreprises.",
    "Arthur Mensch, Guillaume Lample et Timothée Lacroix défendent une approche européenne de l'intelligence artificielle.",
    "Face à OpenAI et Google, la startup française mise sur l'efficacité de ses modèles et sur la souveraineté.",
    "Les clients de la plateforme Azure peuvent désormais utiliser Mistral Large pour leurs propres applications.",
    "La Commission européenne suit de près le marché, tandis que le débat sur l'AI Act se poursuit à Bruxelles.",
    "Plusieurs grands groupes européens testent les modèles de la jeune pousse dans leurs services clients.",
    "Le secteur reste dominé par des acteurs américains, mais l'écosystème parisien attire de nouveaux talents.",
];
const FILLER_EN: &[&str] = &[
    "Mistral AI's teams in Paris work on open models and on products for businesses.",
    "Arthur Mensch, Guillaume Lample and Timothée Lacroix argue for a European approach to artificial intelligence.",
    "Facing OpenAI and Google, the French startup bets on efficient models and on sovereignty.",
    "Customers of the Azure platform can now use Mistral Large in their own applications.",
    "The European Commission watches the market closely while the AI Act debate goes on in Brussels.",
    "Several large European groups are testing the startup's models in their customer services.",
    "The sector is still led by American companies, but the Paris ecosystem keeps attracting talent.",
];

/// Claims that agree with the shipped fact base whatever the article's date.
const CLEAN_FR: &[&str] = &[
    "Microsoft a investi 15 millions d'euros dans Mistral AI en février 2024.",
    "En juin 2023, Mistral AI avait levé 105 millions d'euros lors de son premier tour.",
    "En décembre 2023, la startup Mistral AI a levé 385 millions d'euros.",
    "Mistral AI a été fondée en avril 2023 par trois chercheurs.",
    "Mistral Large a été dévoilé le 26 février 2024.",
];
const CLEAN_EN: &[&str] = &[
    "Microsoft invested €15 million in Mistral AI in February 2024.",
    "In June 2023 Mistral AI raised €105 million in its first round.",
    "In December 2023 the startup Mistral AI raised $415 million.",
    "Mistral AI was founded in April 2023 by three researchers.",
    "Mistral Large was unveiled on February 26, 2024.",
];

/// Planted findings: (code, French text, English text).
const PLANTED: &[(&str, &str, &str)] = &[
    (
        "N001",
        "Son cofondateur Thimothé Lacroix était présent.",
        "Its co-founder Thimothé Lacroix was there.",
    ),
    (
        "N001",
        "La startup concurrence Open AI sur plusieurs marchés.",
        "The startup competes with Open AI in several markets.",
    ),
    (
        "M001",
        "Microsoft a investi 40 millions d'euros dans Mistral AI en février 2024.",
        "Microsoft invested €40 million in Mistral AI in February 2024.",
    ),
    (
        "M001",
        "En juin 2023, Mistral AI avait levé 150 millions d'euros lors de son premier tour.",
        "In June 2023 Mistral AI raised €150 million in its first round.",
    ),
    (
        "M002",
        "En décembre 2023, la startup Mistral AI a levé 415 millions d'euros.",
        "In December 2023 the startup Mistral AI raised €415 million.",
    ),
];

fn main() {
    let mut mb = 1.0f64;
    let mut seed = 42u64;
    let mut out = PathBuf::from("corpus");
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--mb" => {
                mb = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .expect("--mb takes a number")
            }
            "--seed" => {
                seed = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .expect("--seed takes a number")
            }
            "--out" => out = PathBuf::from(args.next().expect("--out takes a folder")),
            other => panic!("unknown argument {other}; use --mb N --seed S --out DIR"),
        }
    }
    let corpus = generate(mb, seed, &out);
    println!(
        "{} articles, {} bytes in {}",
        corpus.articles,
        corpus.bytes,
        out.display()
    );
}

/// What was written: the manifest's content.
pub struct Corpus {
    pub articles: usize,
    pub bytes: usize,
    /// Planted findings by check code.
    pub planted: BTreeMap<&'static str, usize>,
}

/// Writes about `mb` MB of articles and `manifest.json` into `out`.
pub fn generate(mb: f64, seed: u64, out: &Path) -> Corpus {
    std::fs::create_dir_all(out).expect("the output folder can be created");
    let mut rng = Rng(seed.max(1));
    let target = (mb * 1024.0 * 1024.0) as usize;
    let mut written = 0usize;
    let mut planted: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut articles = 0usize;
    while written < target {
        let french = rng.below(2) == 0;
        let (filler, clean) = if french {
            (FILLER_FR, CLEAN_FR)
        } else {
            (FILLER_EN, CLEAN_EN)
        };
        let month = 1 + rng.below(12);
        let day = 1 + rng.below(28);
        let mut text = String::new();
        let _ = write!(
            text,
            "---\ntitle: Article {articles}\nlang: {}\ndate: 2025-{month:02}-{day:02}\n---\n\n# {}\n\n",
            if french { "fr" } else { "en" },
            if french {
                "Mistral AI, un an plus tard"
            } else {
                "Mistral AI, a year on"
            }
        );
        // About 8 KB: paragraphs of filler with clean claims, one planted finding in one article of four.
        let plant = rng.below(4) == 0;
        let plant_at = rng.below(20);
        for p in 0..20 {
            for _ in 0..3 {
                text.push_str(rng.pick(filler));
                text.push(' ');
            }
            text.push_str(rng.pick(clean));
            text.push_str("\n\n");
            if plant && p == plant_at {
                let (code, fr, en) = PLANTED[rng.below(PLANTED.len())];
                text.push_str(if french { fr } else { en });
                text.push_str("\n\n");
                *planted.entry(code).or_default() += 1;
            }
        }
        let path = out.join(format!(
            "{:05}-{}.md",
            articles,
            if french { "fr" } else { "en" }
        ));
        std::fs::write(&path, &text).expect("the article can be written");
        written += text.len();
        articles += 1;
    }
    let planted_json: Vec<String> = planted
        .iter()
        .map(|(c, n)| format!("\"{c}\": {n}"))
        .collect();
    let manifest = format!(
        "{{\n  \"seed\": {seed},\n  \"articles\": {articles},\n  \"bytes\": {written},\n  \"planted\": {{ {} }}\n}}\n",
        planted_json.join(", ")
    );
    std::fs::write(out.join("manifest.json"), manifest).expect("the manifest can be written");
    Corpus {
        articles,
        bytes: written,
        planted,
    }
}
