import type { RightResult } from '../model.ts';
import { frenchMonth } from '../rules/dates.ts';
import { euros } from '../rules/money.ts';

/** What a message says of each right: the offer, who decides, the deadline, who signs. */
export interface RightTexts {
  /** "au RSA : environ 646,52 € par mois à partir de septembre 2025" (after "avoir droit"). */
  offre(amount: number, period: string, result: RightResult): string;
  offreCourte(amount: number, period: string, result: RightResult): string;
  readonly subject: string;
  readonly decideur: string;
  readonly delai: string;
  readonly signature: string;
}

const month = (p: string) => frenchMonth(p.slice(0, 7));

export const RIGHT_TEXTS: Readonly<Record<string, RightTexts>> = {
  rsa: {
    offre: (a, p) => `au revenu de solidarité active (RSA) : environ ${euros(a)} par mois à partir de ${month(p)}`,
    offreCourte: (a) => `au RSA (environ ${euros(a)}/mois)`,
    subject: 'Vous pourriez avoir droit au RSA : votre demande est déjà pré-remplie',
    decideur: 'votre département',
    delai: 'Le RSA est versé à partir du mois de la demande : ne tardez pas.',
    signature: 'Le service RSA de votre département',
  },
  ppa: {
    offre: (a, p) => `à la prime d'activité : environ ${euros(a)} par mois à partir de ${month(p)}`,
    offreCourte: (a) => `à la prime d'activité (environ ${euros(a)}/mois)`,
    subject: "Vous pourriez avoir droit à la prime d'activité : votre demande est déjà pré-remplie",
    decideur: "votre caisse d'allocations familiales",
    delai: "La prime d'activité est due à partir du mois de la demande : ne tardez pas.",
    signature: "Votre caisse d'allocations familiales",
  },
  c2s: {
    offre: (a) =>
      a === 0
        ? 'à la complémentaire santé solidaire, gratuite : vos frais de santé seraient pris en charge sans avance de frais'
        : `à la complémentaire santé solidaire, pour ${euros(a)} par mois pour tout le foyer : vos frais de santé seraient pris en charge sans avance de frais`,
    offreCourte: (a) =>
      a === 0
        ? 'à la complémentaire santé solidaire gratuite'
        : `à la complémentaire santé solidaire (${euros(a)}/mois)`,
    subject: 'Vous pourriez avoir droit à la complémentaire santé solidaire : votre demande est déjà pré-remplie',
    decideur: "votre caisse d'assurance maladie",
    delai: 'La complémentaire santé solidaire est ouverte pour un an.',
    signature: "Votre caisse d'assurance maladie",
  },
  aspa: {
    offre: (a, p) =>
      `à l'allocation de solidarité aux personnes âgées (ASPA) : environ ${euros(a)} par mois à partir de ${month(p)}. Les sommes versées peuvent être récupérées sur la succession au-delà d'un seuil`,
    offreCourte: (a) => `à l'ASPA (environ ${euros(a)}/mois)`,
    subject: "Vous pourriez avoir droit à l'allocation de solidarité aux personnes âgées",
    decideur: 'votre caisse de retraite',
    delai: "L'ASPA est due à partir du mois qui suit la demande : ne tardez pas.",
    signature: 'Votre caisse de retraite',
  },
  ars: {
    offre: (a, p) => `à l'allocation de rentrée scolaire : ${euros(a)} pour la rentrée ${p.slice(0, 4)}`,
    offreCourte: (a) => `à l'allocation de rentrée scolaire (${euros(a)})`,
    subject: "Vous pourriez avoir droit à l'allocation de rentrée scolaire",
    decideur: "votre caisse d'allocations familiales",
    delai: 'Elle est versée en août, ou dès que vous aurez validé votre demande.',
    signature: "Votre caisse d'allocations familiales",
  },
};
