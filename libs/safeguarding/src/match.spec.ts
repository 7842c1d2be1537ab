import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CONCERN_CATEGORIES,
  compilePattern,
  ENGLISH,
  GROUPS,
  matchConcerns,
  normalise,
  PHRASES,
  SPANISH,
  type ConcernCategory,
  type ConcernLanguage,
} from './index';

const cats = (text: string, lang?: ConcernLanguage | ConcernLanguage[]): ConcernCategory[] =>
  matchConcerns(text, lang).categories;

describe('normalise', () => {
  it('lower-cases, removes accents and punctuation, and keeps whole words', () => {
    expect(normalise('¡Mi PAPÁ me pegó!  ¿Qué hago?')).toBe('mi papa me pego que hago');
    expect(normalise('I DON’T want to go home...')).toBe('i don t want to go home');
    expect(normalise("He said it's OUR little secret")).toBe('he said it s our litle secret');
  });

  it('maps chat spellings and squeezes repeated letters on both sides', () => {
    expect(normalise('u r gonna b ok')).toBe('you are going to b ok');
    expect(normalise('pleeeease')).toBe('please');
    expect(normalise('dont tell ur mom')).toBe('don t tel your mom');
    expect(normalise('xq no me pagan')).toBe('porque no me pagan');
    expect(normalise('ñandú')).toBe('nandu');
  });
});

describe('matchConcerns, English', () => {
  it.each<[string, ConcernCategory]>([
    ['My stepdad hits me when he is drunk.', 'abuse'],
    ['he touched me down there and I did not like it', 'abuse'],
    ['i was abused when i was little', 'abuse'],
    ['I do not feel... honestly I am scared to go home', 'abuse'],
    ['My "boyfriend" makes me work at his uncle’s place every night', 'exploitation'],
    ['I owe them money for the trip so I have to do what they say', 'exploitation'],
    ['they keep all my money and I dont get paid', 'exploitation'],
    ['a guy said I could get clothes if I do stuff for money', 'exploitation'],
    ['My boss took my passport and my phone', 'control'],
    ['the lesson said a trafficker may take your phone', 'control'],
    ['They wont let me leave the apartment', 'control'],
    ['he threatened to hurt my little sister', 'threats'],
    ['she says she will call immigration on my mom', 'threats'],
    ['he will post my pics if I stop', 'threats'],
    ['sometimes i want to kill myself', 'self-harm'],
    ['I just wanna die', 'self-harm'],
    ['i dont want to live anymore', 'self-harm'],
    ['Im gonna run away this weekend', 'running-away'],
    ['my mom kicked me out and I have nowhere to sleep', 'running-away'],
    ['a guy online keeps asking me for pics', 'image-requests'],
    ['he wanted me to send nudes', 'image-requests'],
    ['He said it is our little secret', 'secrecy'],
    ['My coach told me not to tell anyone', 'secrecy'],
  ])('flags %j as %s', (text, category) => {
    expect(cats(text, 'en')).toContain(category);
  });

  it('matches whatever the case, punctuation, spelling or repeated letters', () => {
    expect(cats('I WANT TO DIE!!!', 'en')).toEqual(['self-harm']);
    expect(cats('i want to diiiie', 'en')).toEqual(['self-harm']);
    expect(cats('he TOOK my I.D.', 'en')).toEqual(['control']);
    expect(cats('u r gonna run-away?', 'en')).toEqual(['running-away']);
  });

  it('names every category found, in a fixed order, and nothing else', () => {
    const result = matchConcerns('My uncle hits me and he took my phone. I want to run away.', 'en');
    expect(result).toEqual({ matched: true, categories: ['abuse', 'control', 'running-away'] });
    expect(Object.keys(result)).toEqual(['matched', 'categories']);
  });

  it.each([
    'I learned that trusted adults can help, and I can call the hotline.',
    'My skills got better this week. Skillful players practise.', // "kill" inside "skill"
    'The therapist was kind.', // "rapist" inside "therapist"
    'Runways and running shoes are cool.', // "run" and "away" are not together
    'I take my phone to school every day.', // "take my phone" in the first person only
    'I think the scenario was realistic and the ending was good.',
    'Homelessness is a risk factor we discussed.', // a longer word that contains "homeless"
    'My dad is the best and he helps me with homework.',
    'We have a soccer game on Saturday; I kick the ball hard.',
    '',
    '   ...  ',
  ])('does not flag the harmless %j', (text) => {
    expect(matchConcerns(text, 'en')).toEqual({ matched: false, categories: [] });
  });
});

describe('matchConcerns, Spanish', () => {
  it.each<[string, ConcernCategory]>([
    ['Mi padrastro me pega cuando toma.', 'abuse'],
    ['me pegó ayer', 'abuse'],
    ['Abusó de mí cuando tenía 10 años', 'abuse'],
    ['Me tocaba las piernas y no me gustaba', 'abuse'],
    ['No me siento segura en casa', 'abuse'],
    ['Me obligan a trabajar en el restaurante de mi tío', 'exploitation'],
    ['Les debo dinero por el viaje y tengo que pagar la deuda', 'exploitation'],
    ['no me pagan nada', 'exploitation'],
    ['Mi jefe se quedó con mi pasaporte', 'control'],
    ['la lección dijo que un tratante puede quitarte tu celular', 'control'],
    ['No me dejan salir de la casa', 'control'],
    ['Me amenazó con llamar a inmigración', 'threats'],
    ['dice que va a publicar mis fotos', 'threats'],
    ['A veces quiero morir', 'self-harm'],
    ['pienso en suicidarme', 'self-harm'],
    ['me voy a escapar de casa', 'running-away'],
    ['Me echaron de mi casa y no tengo dónde dormir', 'running-away'],
    ['Un chico en internet me pide fotos', 'image-requests'],
    ['quiere que le mande fotos sin ropa', 'image-requests'],
    ['Dijo que es nuestro secreto', 'secrecy'],
    ['me dijo no se lo digas a nadie', 'secrecy'],
  ])('flags %j as %s', (text, category) => {
    expect(cats(text, 'es')).toContain(category);
  });

  it('matches with or without accents and capitals', () => {
    expect(cats('ME PEGÓ', 'es')).toEqual(['abuse']);
    expect(cats('me pego', 'es')).toEqual(['abuse']);
    expect(cats('Me quitaron el pasaporte', 'es')).toEqual(['control']);
  });

  it.each([
    'Ahora me toca a mí leer en voz alta.', // "me toca" = "it is my turn"
    'Mañana me corto el pelo.', // "me corto el pelo" = "I get my hair cut"
    'Aprendí que puedo hablar con un adulto de confianza.',
    'Mi mamá me ayuda con la tarea y mi papá cocina.',
    'El escenario fue realista y el final me gustó.',
    'Tengo mi teléfono en la mochila.',
  ])('does not flag the harmless %j', (text) => {
    expect(matchConcerns(text, 'es')).toEqual({ matched: false, categories: [] });
  });
});

describe('matchConcerns across languages', () => {
  it('uses every list when no language is given (students write in either language)', () => {
    expect(cats('me pega', 'en')).toEqual([]);
    expect(cats('me pega')).toEqual(['abuse']);
    expect(cats('he hits me')).toEqual(['abuse']);
    expect(cats('he hits me y me quitó mi celular', ['en', 'es'])).toEqual(['abuse', 'control']);
  });
});

describe('the curated lists', () => {
  const all = [...ENGLISH, ...SPANISH];

  it('every phrase compiles, has a category and a reason', () => {
    for (const phrase of all) {
      expect(() => compilePattern(phrase)).not.toThrow();
      expect(CONCERN_CATEGORIES).toContain(phrase.category);
      expect(phrase.why.length).toBeGreaterThan(10);
    }
  });

  it('covers every category in both languages', () => {
    for (const lang of ['en', 'es'] as const)
      for (const c of CONCERN_CATEGORIES) expect(PHRASES[lang].some((p) => p.category === c)).toBe(true);
  });

  it('refuses malformed patterns', () => {
    expect(() => compilePattern({ pattern: '(a|b', category: 'abuse', why: 'x' })).toThrow(/Unbalanced/);
    expect(() => compilePattern({ pattern: '{NOPE} me', category: 'abuse', why: 'x' })).toThrow(/Unknown/);
    expect(() => compilePattern({ pattern: '(a|)', category: 'abuse', why: 'x' })).toThrow(/no required/);
  });

  it('every phrase and group is documented in the README', () => {
    const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
    // In the README's tables a "|" is written "\|".
    for (const phrase of all) expect(readme).toContain(`\`${phrase.pattern.replace(/\|/g, '\\|')}\``);
    for (const name of Object.keys(GROUPS)) expect(readme).toContain(`\`{${name}}\``);
  });
});
