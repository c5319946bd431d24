import { RedisTooSlow, withinBudget } from './within-budget.util';

describe(withinBudget.name, () => {
  it('answers what the operation answers in time', async () => {
    await expect(withinBudget(Promise.resolve(7), 50)).resolves.toBe(7);
    await expect(withinBudget(Promise.reject(new Error('down')), 50)).rejects.toThrow('down');
  });

  it('rejects with RedisTooSlow once the budget is spent, and drops the late outcome', async () => {
    const late = new Promise((_resolve, reject) => setTimeout(() => reject(new Error('late')), 80));
    const started = Date.now();
    await expect(withinBudget(late, 20)).rejects.toBeInstanceOf(RedisTooSlow);
    expect(Date.now() - started).toBeLessThan(70);
    await new Promise((resume) => setTimeout(resume, 100)); // the late rejection is handled
  });
});
